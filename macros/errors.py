"""Errors that tell an author which file, which field and which language to fix."""
from __future__ import annotations

from pathlib import Path

from pydantic import ValidationError

LANGUAGE_NAMES = {"fi": "Finnish", "sv": "Swedish"}


class ContentError(Exception):
    """Bad content. The message lists every problem found, one per line."""

    def __init__(self, problems: list[str]):
        self.problems = problems
        super().__init__("\n".join(["Content errors:"] + [f"  - {p}" for p in problems]))


def field_path(loc: tuple) -> str:
    """('steps', 2, 'say', 'sv') -> 'steps[2].say' (the language is reported apart)."""
    path = ""
    for part in loc:
        if isinstance(part, int):
            path += f"[{part}]"
        else:
            path += ("." if path else "") + str(part)
    return path


def describe(file: Path, error: dict, page_language: str | None = None) -> str:
    """One problem as "file: field [lang]: what"; page_language for a file in one language."""
    loc = tuple(error["loc"])
    lang = None
    if loc and loc[-1] in LANGUAGE_NAMES:
        lang, loc = loc[-1], loc[:-1]
    where = field_path(loc) or "(file)"
    if error["type"] == "missing":
        what = f"the {LANGUAGE_NAMES[lang]} text is missing" if lang else "required field is missing"
    elif error["type"] == "extra_forbidden":
        what = "unknown field (misspelt?)"
    elif error["type"] in ("string_too_short",) and lang:
        what = f"the {LANGUAGE_NAMES[lang]} text is empty"
    else:
        what = error["msg"].removeprefix("Value error, ")
        if "input" in error and error["type"].endswith("_type"):
            what += f", got {type(error['input']).__name__} {error['input']!r}"
    language = f" [{lang or page_language}]" if lang or page_language else ""
    return f"{file.as_posix()}: {where}{language}: {what}"


def describe_validation_error(file: Path, exc: ValidationError, page_language: str | None = None) -> list[str]:
    return [describe(file, e, page_language) for e in exc.errors()]


def yaml_problem(shown_as: str, exc: Exception, where: str = "(file)", first_line: int = 1) -> str:
    """A YAML syntax error as one line, e.g. "data/glossary.yml: (file): not valid YAML:
    mapping values are not allowed here (line 4)". `first_line` is the file's line on which
    the YAML starts (front matter starts on line 2)."""
    mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
    problem = getattr(exc, "problem", None) or getattr(exc, "context", None) or str(exc)
    line = f" (line {mark.line + first_line})" if mark is not None else ""
    return f"{shown_as}: {where}: not valid YAML: {' '.join(str(problem).split())}{line}"
