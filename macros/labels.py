"""UI labels: one table per language in labels/<lang>.yml, with the same keys.

The values that the model enumerates (themes, audiences, modes, actors, difficulty
levels, handout kinds) are written once, in macros/model.py. Each label table that names them is
checked against the model at load time, so a theme added to the model without its
labels (or a label for a theme that does not exist) stops the build with a content
error instead of a Jinja UndefinedError in the middle of a render.
"""
from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import get_args

import yaml

from .errors import ContentError, yaml_problem
from .model import LANGUAGES, LEVELS, Actor, Audience, HandoutKind, Mode, Theme, plain_text
from .yamlfile import parse_yaml

LABELS_DIR = Path(__file__).parent / "labels"
SHOWN_DIR = "macros/labels"

# label table -> (what one value is called, the values the model allows)
NAMED_VALUES: dict[str, tuple[str, tuple]] = {
    "theme_names": ("theme", get_args(Theme)),
    "audience_names": ("audience", get_args(Audience)),
    "mode_names": ("mode", get_args(Mode)),
    "actor_names": ("actor", get_args(Actor)),
    "levels": ("difficulty level", LEVELS),
    "handout_kinds": ("handout kind", get_args(HandoutKind)),
    "lang_names": ("language", (*LANGUAGES, "en")),
}


def key_paths(table: dict, prefix: str = "") -> set[str]:
    keys = set()
    for key, value in table.items():
        path = f"{prefix}{key}"
        keys |= key_paths(value, path + ".") if isinstance(value, dict) else {path}
    return keys


def _missing(tables: dict[str, dict]) -> list[tuple[str, str, str]]:
    paths = {lang: key_paths(table) for lang, table in tables.items()}
    problems = []
    for lang in tables:
        for other in tables:
            for key in sorted(paths[other] - paths[lang]):
                problems.append(
                    (lang, key, f"{SHOWN_DIR}/{lang}.yml: {key} [{lang}]: label missing ({SHOWN_DIR}/{other}.yml has it)")
                )
    return problems


def missing_label_keys(tables: dict[str, dict]) -> list[str]:
    """Keys one language has and another lacks, as readable problems."""
    return [problem for _, _, problem in _missing(tables)]


def model_label_problems(lang: str, table: dict) -> dict[str, str]:
    """{key path: problem} where a table of names does not match the model's values."""
    problems = {}
    file = f"{SHOWN_DIR}/{lang}.yml"
    for key, (what, values) in NAMED_VALUES.items():
        names = table.get(key)
        if not isinstance(names, dict):
            problems[key] = f"{file}: {key} [{lang}]: label missing: a name for each {what} in macros/model.py"
            continue
        for value in values:
            if value not in names:
                problems[f"{key}.{value}"] = (
                    f"{file}: {key}.{value} [{lang}]: label missing: macros/model.py has the {what} '{value}'"
                )
        for name in names:
            if name not in values:
                problems[f"{key}.{name}"] = (
                    f"{file}: {key}.{name} [{lang}]: macros/model.py has no {what} '{name}' (misspelt?)"
                )
    return problems


def text_problems(lang: str, table: dict, prefix: str = "") -> list[str]:
    """Every label is plain text, like the data (see model.plain_text)."""
    problems = []
    for key, value in table.items():
        path = f"{prefix}{key}"
        if isinstance(value, dict):
            problems += text_problems(lang, value, path + ".")
        elif not isinstance(value, str) or not value.strip():
            problems.append(f"{SHOWN_DIR}/{lang}.yml: {path} [{lang}]: expected a text, got {value!r}")
        else:
            try:
                plain_text(value)
            except ValueError as exc:
                problems.append(f"{SHOWN_DIR}/{lang}.yml: {path} [{lang}]: {exc}")
    return problems


def read_table(directory: Path, name: str, lang: str | None = None) -> dict:
    """labels/<name>.yml; name is the language, or <feature>.<lang> for a js table."""
    lang = lang or name
    file = directory / f"{name}.yml"
    shown = f"{SHOWN_DIR}/{'js/' if directory.name == 'js' else ''}{name}.yml"
    if not file.exists():
        raise ContentError([f"{shown}: (file) [{lang}]: missing"])
    try:
        table = parse_yaml(file.read_text(encoding="utf-8"))
    except yaml.YAMLError as exc:
        raise ContentError([yaml_problem(shown, exc, f"(file) [{lang}]")]) from None
    if not isinstance(table, dict):
        raise ContentError([f"{shown}: (file) [{lang}]: expected labels (key: text), got {type(table).__name__}"])
    # A browser feature's texts live in their own file, labels/js/<feature>.<lang>.yml,
    # and read as js.<feature> (overrides/main.html hands them to the feature's script).
    for feature_file in sorted((directory / "js").glob(f"*.{lang}.yml")):
        feature = feature_file.name[: -len(f".{lang}.yml")]
        table.setdefault("js", {})[feature] = read_table(directory / "js", f"{feature}.{lang}", lang)
    return table


@cache
def all_labels(directory: Path = LABELS_DIR) -> dict[str, dict]:
    tables, problems = {}, []
    for lang in LANGUAGES:
        try:
            tables[lang] = read_table(directory, lang)
        except ContentError as exc:
            problems += exc.problems
    if problems:
        raise ContentError(problems)
    by_model = {lang: model_label_problems(lang, table) for lang, table in tables.items()}
    for lang, table in tables.items():
        problems += by_model[lang].values()
    for lang, key, problem in _missing(tables):
        # The tables that name model values are checked in full against the model above.
        if key.split(".")[0] not in NAMED_VALUES:
            problems.append(problem)
    for lang, table in tables.items():
        problems += text_problems(lang, table)
    if problems:
        raise ContentError(problems)
    return tables


def labels(lang: str) -> dict:
    return all_labels()[lang]


def permalink_title(lang: str) -> str:
    """The title of a heading's anchor link (Python-Markdown's toc: "Permanent link")."""
    return labels(lang)["permalink_title"]
