"""When each page last changed meaningfully, and the notes on what changed: data
written by authors, never read from git (a shallow clone has no history, and a typo
fix must not move the date).

- A Markdown page: front matter `updated: YYYY-MM-DD` and optional `changes:`
  (newest first, each `{date, note}` in that page's language). Both languages'
  files carry the same dates.
- An exercise page: `updated` and `changes` of exercises/<id>.yml (notes in both
  languages), so the page files stay one-line stubs.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from pydantic import ValidationError

from .errors import ContentError, describe_validation_error
from .model import LANGUAGES, Exercise, PageHistory

DEFAULT_LANGUAGE = LANGUAGES[0]
NO_DATE = (
    "no date: add 'updated: YYYY-MM-DD' to the front matter, the day of the last meaningful "
    "change in both languages' files (docs/README.md)"
)


@dataclass(frozen=True)
class History:
    updated: dt.date
    changes: tuple[tuple[dt.date, str], ...]  # (date, note in the page's language), newest first


def is_exercise_page(rel: Path) -> bool:
    """docs/<lang>/exercises/<id>.md: dated by its exercise file, not by front matter."""
    return rel.parts[0] == "exercises" and len(rel.parts) == 2 and rel.stem != "index"


def page_history(file: Path, meta: dict, shown: str, lang: str) -> History:
    """The dates in one page's front matter, or a ContentError naming the file."""
    if "updated" not in meta:
        raise ContentError([f"{shown}: updated [{lang}]: {NO_DATE}"])
    try:
        found = PageHistory.model_validate(meta)
    except ValidationError as exc:
        raise ContentError(describe_validation_error(Path(shown), exc, lang)) from None
    return History(found.updated, tuple((c.date, c.note) for c in found.changes))


def exercise_history(exercise: Exercise, lang: str) -> History:
    return History(exercise.updated, tuple((c.date, c.note[lang]) for c in exercise.changes))


def differing_dates(histories: dict[str, dict[str, History]]) -> list[str]:
    """Pages whose languages carry different dates: {rel path: {lang: History}}."""
    problems = []
    for rel, by_lang in sorted(histories.items()):
        if DEFAULT_LANGUAGE not in by_lang:
            continue
        first = by_lang[DEFAULT_LANGUAGE]
        for lang, other in by_lang.items():
            if lang == DEFAULT_LANGUAGE:
                continue
            if other.updated != first.updated:
                problems.append(
                    f"docs/{lang}/{rel}: updated [{lang}]: {other.updated.isoformat()}, but docs/{DEFAULT_LANGUAGE}/{rel} "
                    f"says {first.updated.isoformat()}: both languages carry the same dates"
                )
            ours, theirs = [d.isoformat() for d, _ in other.changes], [d.isoformat() for d, _ in first.changes]
            if ours != theirs:
                problems.append(
                    f"docs/{lang}/{rel}: changes [{lang}]: dates {ours}, but docs/{DEFAULT_LANGUAGE}/{rel} has {theirs}: "
                    "write each note in both languages"
                )
    return problems
