"""Read exercises/*.yml into Exercise objects, collecting every problem before failing."""
from __future__ import annotations

from pathlib import Path

import yaml
from pydantic import ValidationError

from .errors import ContentError, describe_validation_error, yaml_problem
from .model import Exercise
from .yamlfile import parse_yaml

TEMPLATE_PREFIX = "_"  # _template.yml and other underscore files are not exercises


def exercise_files(directory: Path) -> list[Path]:
    files = list(directory.glob("*.yml")) + list(directory.glob("*.yaml"))
    return sorted(f for f in files if not f.name.startswith(TEMPLATE_PREFIX))


def read_exercise(file: Path, shown_as: Path) -> tuple[Exercise | None, list[str]]:
    """Parse and validate one file; return the exercise or the problems found."""
    try:
        data = parse_yaml(file.read_text(encoding="utf-8"))
    except yaml.YAMLError as exc:
        return None, [yaml_problem(shown_as.as_posix(), exc)]
    except UnicodeDecodeError:
        return None, [f"{shown_as.as_posix()}: (file): not UTF-8 text (save it as UTF-8)"]
    if not isinstance(data, dict):
        return None, [f"{shown_as.as_posix()}: (file): expected a mapping of fields, got {type(data).__name__}"]
    try:
        exercise = Exercise.model_validate(data)
    except ValidationError as exc:
        return None, describe_validation_error(shown_as, exc)
    if exercise.id != file.stem:
        return None, [f"{shown_as.as_posix()}: id: '{exercise.id}' differs from the file name '{file.stem}'"]
    return exercise, []


def load_exercises(directory: Path, root: Path | None = None) -> dict[str, Exercise]:
    """All exercises of a folder by id, or ContentError listing every problem."""
    root = root or directory.parent
    exercises: dict[str, Exercise] = {}
    seen_in: dict[str, Path] = {}
    problems: list[str] = []
    for file in exercise_files(directory):
        shown_as = file.relative_to(root)
        exercise, file_problems = read_exercise(file, shown_as)
        problems += file_problems
        if exercise is None:
            continue
        if exercise.id in exercises:
            problems.append(
                f"{shown_as.as_posix()}: id: '{exercise.id}' is already used by {seen_in[exercise.id].as_posix()}"
            )
            continue
        exercises[exercise.id] = exercise
        seen_in[exercise.id] = shown_as
    if problems:
        raise ContentError(problems)
    return exercises
