"""Ready programmes: programmes/<id>.yml, sessions of ordered blocks that name exercises.

A session's agenda is computed from its blocks, so its clock times always add up;
the load stops the build when they cannot (see check_programme): a missing exercise,
blocks that do not fill the session's length, or a slot outside an exercise's range.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Literal, Union

import yaml
from pydantic import Field, ValidationError

from .calendar import Calendar, unknown_event
from .errors import ContentError, describe_validation_error, yaml_problem
from .model import LANGUAGES, Audience, Exercise, Mode, PlainText, Slug, Strict, Text
from .yamlfile import parse_yaml

PROGRAMMES_DIR = "programmes"
ClockTime = Annotated[str, Field(pattern=r"^([01][0-9]|2[0-3]):[0-5][0-9]$", description="hh:mm, e.g. 09:00")]
DocsPath = Annotated[PlainText, Field(pattern=r"^[a-z0-9/_-]+\.md$", description="a page in docs/<lang>/")]


class ExerciseBlock(Strict):
    type: Literal["exercise"]
    id: Slug = Field(description="The exercise's id (file name in exercises/)")
    version: Literal["full", "short"] = Field(default="full", description="short: the exercise's short_version")
    minutes: int | None = Field(default=None, ge=1, le=240, description="A length within the exercise's duration range")


class BreakBlock(Strict):
    type: Literal["break"]
    minutes: int = Field(ge=1, le=120)


class CustomBlock(Strict):
    type: Literal["custom"]
    title: Text
    minutes: int = Field(ge=1, le=240)
    note: Text | None = None


Block = Annotated[Union[ExerciseBlock, BreakBlock, CustomBlock], Field(discriminator="type")]


class Session(Strict):
    id: Slug = Field(description="Anchor of the session on the programmes page")
    title: Text
    month: Slug = Field(description="The event's id in data/calendar.yml")
    minutes: int = Field(ge=10, le=480, description="Length; the blocks must add up to it")
    mode: Mode
    reading: list[DocsPath] = Field(default_factory=list, description="Pre-reading: pages in docs/<lang>/")
    blocks: list[Block] = Field(min_length=1)


class Programme(Strict):
    id: Slug = Field(description="Same as the file name; also the section's anchor")
    title: Text
    intro: list[Text] = Field(min_length=1, description="Paragraphs before the sessions")
    audience: list[Audience] = Field(min_length=1)
    order: int = Field(ge=1, description="Position on the programmes page")
    start: ClockTime = Field(default="09:00", description="Clock time the agendas start from")
    calendar: list[Slug] = Field(default_factory=list, description="Calendar events shown as the year's timeline")
    sessions: list[Session] = Field(default_factory=list)


def block_minutes(block, exercises: dict[str, Exercise]) -> int:
    """A block's length: an exercise's steps, its short version or the slot's minutes."""
    if isinstance(block, ExerciseBlock):
        exercise = exercises[block.id]
        if block.minutes is not None:
            return block.minutes
        if block.version == "short":
            return exercise.short_version.minutes
        return exercise.total_minutes
    return block.minutes


def slot_problem(block: ExerciseBlock, exercise: Exercise, session_mode: str | None = None) -> str | None:
    """Why an exercise does not fit its slot, or None."""
    if block.version == "short":
        if block.minutes is not None:
            return "give either version: short or minutes, not both"
        if exercise.short_version is None:
            return f"version: short, but exercises/{exercise.id}.yml has no short_version"
        if session_mode and exercise.short_version.mode != session_mode:
            return (
                f"the session is {session_mode}, but exercises/{exercise.id}.yml's short_version "
                f"is written for {exercise.short_version.mode}"
            )
        return None
    if block.minutes is not None and not exercise.duration.min <= block.minutes <= exercise.duration.max:
        hint = (
            f"use version: short ({exercise.short_version.minutes} min)"
            if exercise.short_version
            else f"write a short_version in exercises/{exercise.id}.yml"
        )
        return (
            f"{block.minutes} minutes lie outside the exercise's range "
            f"{exercise.duration.min}-{exercise.duration.max}; {hint}"
        )
    return None


def check_programme(
    programme: Programme, shown: str, exercises: dict[str, Exercise], calendar: Calendar, docs_dir: Path
) -> list[str]:
    problems = []
    for i, event in enumerate(programme.calendar):
        if event not in calendar.ids():
            problems.append(f"{shown}: calendar[{i}]: {unknown_event(event)}")
    for s, session in enumerate(programme.sessions):
        where = f"{shown}: session '{session.id}'"
        if session.month not in calendar.ids():
            problems.append(f"{where}: month: {unknown_event(session.month)}")
        for r, page in enumerate(session.reading):
            for lang in LANGUAGES:
                if not (docs_dir / lang / page).is_file():
                    problems.append(f"{where}: reading[{r}] [{lang}]: no page docs/{lang}/{page}")
        known = True
        for b, block in enumerate(session.blocks):
            if isinstance(block, ExerciseBlock):
                if block.id not in exercises:
                    problems.append(f"{where}: blocks[{b}]: no exercise has the id '{block.id}'")
                    known = False
                    continue
                problem = slot_problem(block, exercises[block.id], session.mode)
                if problem:
                    problems.append(f"{where}: blocks[{b}] ({block.id}): {problem}")
                    known = False
        if known:
            total = sum(block_minutes(block, exercises) for block in session.blocks)
            if total != session.minutes:
                problems.append(
                    f"{where}: the blocks add up to {total} minutes, not the session's {session.minutes} "
                    f"({'add' if total < session.minutes else 'remove'} {abs(session.minutes - total)})"
                )
    return problems


def load_programmes(
    root: Path, exercises: dict[str, Exercise], calendar: Calendar
) -> dict[str, Programme]:
    """Every programmes/*.yml by id, in page order, or ContentError listing every problem."""
    programmes: dict[str, Programme] = {}
    problems: list[str] = []
    for file in sorted((root / PROGRAMMES_DIR).glob("*.yml")):
        shown = file.relative_to(root).as_posix()
        try:
            data = parse_yaml(file.read_text(encoding="utf-8"))
            programme = Programme.model_validate(data)
        except yaml.YAMLError as exc:
            problems.append(yaml_problem(shown, exc))
            continue
        except ValidationError as exc:
            problems += describe_validation_error(Path(shown), exc)
            continue
        if programme.id != file.stem:
            problems.append(f"{shown}: id: '{programme.id}' differs from the file name '{file.stem}'")
            continue
        problems += check_programme(programme, shown, exercises, calendar, root / "docs")
        programmes[programme.id] = programme
    if problems:
        raise ContentError(problems)
    return dict(sorted(programmes.items(), key=lambda item: item[1].order))


@dataclass
class AgendaRow:
    start: str      # clock time, "9.00"
    end: str
    minutes: int
    block: object
    exercise: Exercise | None


def clock(minutes_from_midnight: int) -> str:
    """9.05, the Finnish and Finland-Swedish way of writing a time of day."""
    return f"{minutes_from_midnight // 60 % 24}.{minutes_from_midnight % 60:02d}"


def agenda(session: Session, start: str, exercises: dict[str, Exercise]) -> list[AgendaRow]:
    """Clock times of every block, each one starting where the previous ended."""
    hours, minutes = (int(part) for part in start.split(":"))
    now = hours * 60 + minutes
    rows = []
    for block in session.blocks:
        length = block_minutes(block, exercises)
        exercise = exercises.get(block.id) if isinstance(block, ExerciseBlock) else None
        rows.append(AgendaRow(clock(now), clock(now + length), length, block, exercise))
        now += length
    return rows


def session_plan(programme: Programme, session: Session, lang: str) -> dict:
    """The session as a planner plan (macros/plan_link.py); custom blocks keep both
    languages, so the planner shows them in either."""
    blocks = []
    for block in session.blocks:
        if isinstance(block, ExerciseBlock):
            item = {"type": "exercise", "id": block.id, "version": block.version}
            if block.minutes is not None:
                item["minutes"] = block.minutes
        elif isinstance(block, BreakBlock):
            item = {"type": "break", "minutes": block.minutes}
        else:
            item = {"type": "custom", "title": {l: block.title[l] for l in LANGUAGES}, "minutes": block.minutes}
            if block.note:
                item["note"] = {l: block.note[l] for l in LANGUAGES}
        blocks.append(item)
    title = f"{programme.title[lang]}: {session.title[lang]}"
    return {"v": 1, "title": title, "start": programme.start, "target": session.minutes, "blocks": blocks}

