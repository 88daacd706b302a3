"""The year's timing: data/calendar.yml, one source for the annual-cycle page, the
programmes and every page that names the month of an event (the month_of macro)."""
from __future__ import annotations

from pathlib import Path

import yaml
from pydantic import Field, ValidationError

from .errors import ContentError, describe_validation_error, yaml_problem
from .labels import labels
from .model import LANGUAGES, NonEmpty, PlainText, Slug, Strict, Text
from .yamlfile import parse_yaml

CALENDAR_FILE = Path("data") / "calendar.yml"
FORMS = ("name", "in", "of", "from", "to")


class Phrases(Strict):
    fi: list[NonEmpty] = Field(default_factory=list)
    sv: list[NonEmpty] = Field(default_factory=list)

    def __getitem__(self, lang: str) -> list[str]:
        return getattr(self, lang)


class Event(Strict):
    id: Slug
    months: list[int] = Field(default_factory=list, description="Month numbers 1-12 in the order they happen")
    part_of: Slug | None = None
    title: Text
    who: Text
    link: PlainText = Field(description="docs path the annual-cycle table links to, e.g. templates/goals-talk.md")
    phrases: Phrases = Field(default_factory=Phrases)


class Calendar(Strict):
    events: list[Event] = Field(min_length=1)

    def event(self, event_id: str) -> Event:
        return next(e for e in self.events if e.id == event_id)

    def months(self, event_id: str) -> list[int]:
        """An event's months; a series without its own takes its parts' months in order."""
        event = self.event(event_id)
        if event.months:
            return event.months
        months: list[int] = []
        for part in self.events:
            if part.part_of == event_id:
                months += [m for m in part.months if m not in months]
        return months

    def ids(self) -> set[str]:
        return {e.id for e in self.events}


def unknown_event(event_id: str) -> str:
    return f"no event '{event_id}' in {CALENDAR_FILE.as_posix()}"


def load_calendar(root: Path) -> Calendar:
    file = root / CALENDAR_FILE
    shown = CALENDAR_FILE.as_posix()
    if not file.exists():
        raise ContentError([f"{shown}: (file): missing"])
    try:
        calendar = Calendar.model_validate(parse_yaml(file.read_text(encoding="utf-8")))
    except yaml.YAMLError as exc:
        raise ContentError([yaml_problem(shown, exc)]) from None
    except ValidationError as exc:
        raise ContentError(describe_validation_error(CALENDAR_FILE, exc)) from None
    problems = []
    ids = [e.id for e in calendar.events]
    for i, event in enumerate(calendar.events):
        where = f"{shown}: events[{i}]"
        if ids.count(event.id) > 1 and ids.index(event.id) != i:
            problems.append(f"{where}.id: '{event.id}' is used twice")
        if any(not 1 <= m <= 12 for m in event.months):
            problems.append(f"{where}.months: a month is a number from 1 to 12")
        if len(set(event.months)) != len(event.months):
            problems.append(f"{where}.months: a month is listed twice")
        if event.part_of is not None:
            if event.part_of not in ids:
                problems.append(f"{where}.part_of: {unknown_event(event.part_of)}")
            elif calendar.event(event.part_of).months and not set(event.months) <= set(calendar.event(event.part_of).months):
                problems.append(f"{where}.months: outside the months of '{event.part_of}'")
        if not event.months and not any(e.part_of == event.id for e in calendar.events):
            problems.append(f"{where}.months: give the months (or parts with part_of)")
    if problems:
        raise ContentError(problems)
    return calendar


def runs(months: list[int]) -> list[list[int]]:
    """[9, 10, 11, 1] -> [[9, 10, 11], [1]]: consecutive months form one run."""
    result: list[list[int]] = []
    for month in months:
        if result and month == result[-1][-1] % 12 + 1:
            result[-1].append(month)
        else:
            result.append([month])
    return result


def month_text(months: list[int], lang: str, form: str = "name") -> str:
    """Months as words of the page's language: "syys–marraskuussa ja tammikuussa",
    "i september–november och i januari". Labels hold the stems and the forms, so the
    Finnish case ending goes on the last month of a run only ("~" in a form stands for
    the month words)."""
    t = labels(lang)
    if form not in FORMS:
        raise ValueError(f"unknown form '{form}' (there are: {', '.join(FORMS)})")
    if len(months) == 12:
        return t["month_every"][form]
    stems = t["month_stems"]
    parts = []
    for run in runs(months):
        words = stems[run[0]] + ("–" + stems[run[-1]] if len(run) > 1 else "")
        parts.append(t["month_forms"][form].replace("~", words))
    if len(parts) == 1:
        return parts[0]
    return ", ".join(parts[:-1]) + " " + t["and"] + " " + parts[-1]
