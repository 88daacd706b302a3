"""The typed exercise model: one YAML file in exercises/ is one Exercise.

Every text a reader sees is a `Text` with a Finnish and a Swedish value, so a
missing translation is a validation error, not an empty spot on a page.
The build, the tests and the JSON Schema for editors all use these classes.
"""
from __future__ import annotations

import datetime as dt
from typing import Annotated, Literal

from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, Field, StringConstraints, model_validator

from .languages import LANGUAGES  # read from mkdocs.yml, the one place the list is written

# Language-neutral ASCII slug: the file name, the page URL and the id are this one string.
Slug = Annotated[str, StringConstraints(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$")]
NonEmpty = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]

# Data never becomes markup. Every text in the data (exercises, glossary, labels) is
# plain text, shown in HTML, in Markdown headings and lists, in <title>, in the
# search index and on the printed card. We REJECT the characters that would turn it
# into markup there, rather than escape them for each of those places, because:
# - no real text uses them (checked over every exercise, the glossary and the labels,
#   November 2026: only . , - ? : ; ( ) = / ' " ” – … appear);
# - a pasted HTML snippet or Markdown (`*bold*`, `[link](…)`, `{ onclick=… }` after a
#   heading, which attr_list turns into an attribute) is an authoring mistake: a clear
#   message naming file, field and language beats a page that silently looks wrong;
# - one check at load time covers every output, the ones added later included.
# What stays allowed is still escaped: Jinja autoescapes every template, the
# `inline` filter (render.py) keeps a leading "1." or "-" from starting a Markdown
# list, and overrides/main.html escapes the <title>.
MARKUP_CHARACTERS = "<>{}[]`*_\\|"


def plain_text(text: str) -> str:
    found = [f"'{c}'" for c in dict.fromkeys(text) if c in MARKUP_CHARACTERS]
    if "\n" in text or "\r" in text:
        found.append("a line break")
    if found:
        listed = ", ".join(found[:-1]) + " and " + found[-1] if len(found) > 1 else found[0]
        raise ValueError(
            f"plain text only, remove {listed} (markup characters {' '.join(MARKUP_CHARACTERS)} "
            "and line breaks are not allowed)"
        )
    return text


PlainText = Annotated[NonEmpty, AfterValidator(plain_text)]

Theme = Literal[
    "listening",
    "questions",
    "grow",
    "solution-focus",
    "feedback",
    "performance",
    "development-discussions",
    "360-development-plan",
    "raising-concerns",
    "challenging-situations",
    "peer-consultation",
    "psychological-safety",
    "dialogue",
    "self-leadership",
    "load-recovery",
    "change",
    "openings-closings",
]
Audience = Literal["supervisors", "staff", "teams"]
Mode = Literal["in-person", "remote", "hybrid"]
Actor = Literal["facilitator", "individuals", "pairs", "triads", "small-groups", "whole-group"]
LEVELS = (1, 2, 3)  # labels/<lang>.yml `levels` names each one (checked at load time)
Difficulty = Annotated[int, Field(ge=LEVELS[0], le=LEVELS[-1], description="1 = easy, 2 = moderate, 3 = demanding")]


class Strict(BaseModel):
    # strict: "10" is not a number and 10 is not text; extra: a misspelt field is an error.
    model_config = ConfigDict(strict=True, extra="forbid")


class Text(Strict):
    """A text in both languages."""

    fi: PlainText = Field(description="Finnish text")
    sv: PlainText = Field(description="Finland-Swedish text")

    def __getitem__(self, lang: str) -> str:
        return getattr(self, lang)


def iso_date(value: object) -> object:
    """A date as YAML writes it (2026-11-27) or as an ISO string ("2026-11-27")."""
    if isinstance(value, dt.datetime):
        raise ValueError(f"a date without a time of day, e.g. {value.date().isoformat()}")
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value.strip())
        except ValueError:
            raise ValueError(f"a date as YYYY-MM-DD, e.g. 2026-11-27, got '{value}'") from None
    return value


IsoDate = Annotated[dt.date, BeforeValidator(iso_date), Field(json_schema_extra={"examples": ["2026-11-27"]})]


def check_history(updated: dt.date, changes: list) -> None:
    """Change notes newest first, none newer than the page's date (a note is a
    meaningful change, which moves the date; a typo fix moves neither)."""
    dates = [change.date for change in changes]
    if dates != sorted(dates, reverse=True):
        raise ValueError("changes: list the notes newest first")
    if dates and dates[0] > updated:
        raise ValueError(
            f"changes[0].date {dates[0].isoformat()} is later than updated {updated.isoformat()}: "
            "a change note moves the date too"
        )


class Change(Strict):
    """A dated note on a meaningful change of an exercise, in both languages."""

    date: IsoDate
    note: Text = Field(description="What changed, one or two short sentences")


class PageChange(Strict):
    """A dated note in a page's front matter, in that page's own language."""

    date: IsoDate
    note: PlainText


class PageHistory(BaseModel):
    """The dates in a Markdown page's front matter; other front matter fields are the theme's."""

    model_config = ConfigDict(strict=True, extra="ignore")
    updated: IsoDate
    changes: list[PageChange] = Field(default_factory=list)

    @model_validator(mode="after")
    def _ordered(self) -> "PageHistory":
        check_history(self.updated, self.changes)
        return self


class Range(Strict):
    min: int = Field(ge=1)
    max: int = Field(ge=1)

    @model_validator(mode="after")
    def _ordered(self) -> "Range":
        if self.min > self.max:
            raise ValueError(f"min ({self.min}) is larger than max ({self.max})")
        return self


class Step(Strict):
    title: Text = Field(description="Short name of the step")
    minutes: int = Field(ge=1, le=240)
    who: Actor = Field(description="Who acts in this step")
    do: Text = Field(description="What happens and what the facilitator does")
    say: Text | None = Field(default=None, description="Words the facilitator can say to the group")


class ShortVersion(Strict):
    """A shorter way to run the exercise, for a programme slot below its duration range."""

    minutes: int = Field(ge=1, le=240, description="Length of the short version; below duration.min")
    mode: Mode = Field(description="Where the short version runs (its heading says so); one of the exercise's modes")
    steps: list[Step] = Field(min_length=2, description="The short version's steps; their minutes add up to `minutes`")

    @model_validator(mode="after")
    def _adds_up(self) -> "ShortVersion":
        total = sum(step.minutes for step in self.steps)
        if total != self.minutes:
            raise ValueError(f"the short version's steps add up to {total} minutes, not its stated {self.minutes}")
        return self


class Related(Strict):
    guides: list[Slug] = Field(default_factory=list, description="Ids of pages in docs/<lang>/guides/")
    templates: list[Slug] = Field(default_factory=list, description="Ids of pages in docs/<lang>/templates/")
    exercises: list[Slug] = Field(default_factory=list, description="Ids of other exercises")


HandoutKind = Literal["role", "case", "sheet"]  # labels/<lang>.yml `handout_kinds` names each one

# What fits on half an A4 sheet at the print size (10 pt): counted over paragraphs and
# prompts in one language; a prompt also takes its writing lines. Measured on paper in
# tests/test_print.py; this limit names the handout at build time instead.
HANDOUT_MAX_CHARACTERS = 1300
PROMPT_LINE_CHARACTERS = 150


class Handout(Strict):
    """One role brief, case card or sheet to fill in: half an A4 sheet on paper."""

    kind: HandoutKind = Field(
        description="role = a role brief for one person, case = a case or situation card, sheet = a sheet to fill in"
    )
    title: Text = Field(description="Heading of the handout, e.g. the case name")
    for_role: Text | None = Field(
        default=None, description="Who gets it, e.g. Esihenkilö: Jari / Chef: Jari (required for a role brief)"
    )
    paragraphs: list[Text] = Field(min_length=1, description="The brief or case as plain-text paragraphs")
    prompts: list[Text] = Field(
        default_factory=list, description="Questions or lines to fill in; each gets lines to write on"
    )

    @model_validator(mode="after")
    def _fits(self) -> "Handout":
        if self.kind == "role" and self.for_role is None:
            raise ValueError("a role brief needs for_role: whose brief it is")
        for lang in LANGUAGES:
            size = sum(len(t[lang]) for t in self.paragraphs) + sum(
                len(t[lang]) + PROMPT_LINE_CHARACTERS for t in self.prompts
            )
            if size > HANDOUT_MAX_CHARACTERS:
                raise ValueError(
                    f"the {lang} text takes {size} characters (a prompt counts {PROMPT_LINE_CHARACTERS} "
                    f"for its writing lines); half an A4 sheet holds {HANDOUT_MAX_CHARACTERS}"
                )
        return self


class DifficultyLevels(Strict):
    facilitator: Difficulty
    participants: Difficulty


class Exercise(Strict):
    """One group-training exercise, rendered as a page, a catalog row and a card."""

    id: Slug = Field(description="Same as the file name without .yml")
    title: Text
    summary: Text = Field(description="One line for the catalog, at most 160 characters")
    purpose: Text
    themes: list[Theme] = Field(min_length=1)
    audience: list[Audience] = Field(min_length=1)
    duration: Range = Field(description="Minutes; the steps must add up to a value in this range")
    group_size: Range = Field(description="Number of participants")
    modes: list[Mode] = Field(min_length=1)
    materials: list[Text] = Field(min_length=1)
    steps: list[Step] = Field(min_length=2)
    short_version: ShortVersion | None = Field(
        default=None, description="Optional shorter run of the exercise (steps with minutes), for tight programme slots"
    )
    debrief: list[Text] = Field(min_length=2, description="Debrief questions")
    remote_variant: list[Text] = Field(min_length=1, description="How to run it in a video meeting")
    tips: list[Text] = Field(min_length=1)
    traps: list[Text] = Field(min_length=1)
    not_when: list[Text] = Field(min_length=1, description="When not to use it: safety, confidentiality")
    handouts: list[Handout] = Field(
        default_factory=list, description="Role briefs, case cards and sheets, printed one per half A4"
    )
    related: Related
    difficulty: DifficultyLevels
    updated: IsoDate = Field(description="Date of the last meaningful change (YYYY-MM-DD); a typo fix keeps it")
    changes: list[Change] = Field(
        default_factory=list, description="Notes on meaningful changes, newest first, shown on the page and on What's new"
    )

    @model_validator(mode="after")
    def _consistent(self) -> "Exercise":
        check_history(self.updated, self.changes)
        for lang in LANGUAGES:
            if len(self.summary[lang]) > 160:
                raise ValueError(f"summary.{lang} is {len(self.summary[lang])} characters; keep it to 160")
        total = self.total_minutes
        if not self.duration.min <= total <= self.duration.max:
            raise ValueError(
                f"the steps add up to {total} minutes, outside duration "
                f"{self.duration.min}-{self.duration.max}"
            )
        if self.short_version and self.short_version.mode not in self.modes:
            raise ValueError(
                f"short_version.mode ({self.short_version.mode}) is not one of the exercise's modes {self.modes}"
            )
        if self.short_version and self.short_version.minutes >= self.duration.min:
            raise ValueError(
                f"short_version.minutes ({self.short_version.minutes}) must be below duration.min "
                f"({self.duration.min}); a slot in the duration range uses the full steps"
            )
        return self

    @property
    def total_minutes(self) -> int:
        return sum(step.minutes for step in self.steps)
