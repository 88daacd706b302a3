"""The discussion templates' forms: one YAML file per template in forms/<template-id>.yml.

A form has parts (who fills them in: the employee's preparation, the supervisor's
preparation, the shared notes of the talk), each part has sections, each section has
fields. One file feeds the page (macros/templates/template_form.html.j2), the print
layout and the exports (the page carries the form as JSON for forms.js), so adding a
field is one edit. Every label is a `Text` in both languages; a missing translation,
an unknown field type or a duplicate id stops the build with file, field and language.
"""
from __future__ import annotations

from pathlib import Path
from typing import Annotated, Literal, Union

import yaml
from pydantic import Field, ValidationError, model_validator

from .errors import ContentError, describe, yaml_problem
from .model import LANGUAGES, Slug, Strict, Text
from .yamlfile import parse_yaml

FIELD_TYPES = ("text", "textarea", "date", "rating", "goals")


class BaseField(Strict):
    id: Slug = Field(description="Unique in the form; the key of the answer on the device and in the export")
    label: Text = Field(description="The prompt, as the person reads it")
    help: Text | None = Field(default=None, description="A hint under the label, e.g. an example")


class TextField(BaseField):
    type: Literal["text"]


class TextareaField(BaseField):
    type: Literal["textarea"]
    lines: int = Field(default=4, ge=2, le=12, description="Lines to write on when printed empty")


class DateField(BaseField):
    type: Literal["date"]


class Scale(Strict):
    min: int = Field(default=1, ge=0, le=1)
    max: int = Field(default=5, ge=3, le=10)
    low: Text = Field(description="What the smallest value means")
    high: Text = Field(description="What the largest value means")


class RatingField(BaseField):
    type: Literal["rating"]
    scale: Scale


class GoalColumns(Strict):
    """The three things every goal says; a template may name them in its own words."""

    what: Text
    measure: Text
    date: Text


class GoalsField(BaseField):
    type: Literal["goals"]
    min: int = Field(default=3, ge=1, le=5, description="Goals to agree at least")
    max: int = Field(default=5, ge=1, le=5, description="Rows offered")
    columns: GoalColumns | None = Field(default=None, description="Own names for what, measure and date")

    @model_validator(mode="after")
    def _ordered(self) -> "GoalsField":
        if self.min > self.max:
            raise ValueError(f"min ({self.min}) is larger than max ({self.max})")
        return self


FormField = Annotated[
    Union[TextField, TextareaField, DateField, RatingField, GoalsField], Field(discriminator="type")
]


class Section(Strict):
    id: Slug
    title: Text
    help: Text | None = None
    fields: list[FormField] = Field(min_length=1)


class Part(Strict):
    id: Slug = Field(description="employee, supervisor, talk… (whose part it is)")
    title: Text
    help: Text | None = Field(default=None, description="Who fills in this part, and when")
    sections: list[Section] = Field(min_length=1)


class Form(Strict):
    """The form of one discussion template (docs/<lang>/templates/<id>.md)."""

    id: Slug = Field(description="Same as the file name and the template page's name")
    parts: list[Part] = Field(min_length=1)

    @model_validator(mode="after")
    def _unique_ids(self) -> "Form":
        seen: set[str] = set()
        for part in self.parts:
            for section in part.sections:
                for field in section.fields:
                    if field.id in seen:
                        raise ValueError(f"the field id '{field.id}' is used twice; each field needs its own id")
                    seen.add(field.id)
        return self

    def fields(self):
        return [field for part in self.parts for section in part.sections for field in section.fields]

    def for_language(self, lang: str, labels: dict) -> dict:
        """The form in one language as plain data: the JSON the page gives forms.js
        (print copies, .docx export) and what the Jinja template renders."""

        def text(value):
            return value[lang] if value is not None else None

        def field_data(field) -> dict:
            data = {"id": field.id, "type": field.type, "label": text(field.label), "help": text(field.help)}
            if field.type == "textarea":
                data["lines"] = field.lines
            if field.type == "rating":
                data["scale"] = {"min": field.scale.min, "max": field.scale.max,
                                 "low": text(field.scale.low), "high": text(field.scale.high)}
            if field.type == "goals":
                names = field.columns or None
                data["min"], data["max"] = field.min, field.max
                data["columns"] = {
                    key: (text(getattr(names, key)) if names else labels["goal_" + key])
                    for key in ("what", "measure", "date")
                }
            return data

        return {
            "id": self.id,
            "parts": [
                {
                    "id": part.id, "title": text(part.title), "help": text(part.help),
                    "sections": [
                        {"id": s.id, "title": text(s.title), "help": text(s.help),
                         "fields": [field_data(f) for f in s.fields]}
                        for s in part.sections
                    ],
                }
                for part in self.parts
            ],
        }


def _readable_path(data, loc: tuple) -> tuple:
    """('parts', 0, 'sections', 1, 'fields', 2, 'label', 'sv') -> ('parts[employee].sections[year]
    .fields[own-view].label', 'sv'): each index written as the item's id where it has one,
    so the author finds the field by the name written in the file."""
    path, node = "", data
    lang = loc[-1] if loc and loc[-1] in LANGUAGES else None
    for part in loc[:-1] if lang else loc:
        if isinstance(part, int):
            node = node[part] if isinstance(node, list) and part < len(node) else None
            item_id = node.get("id") if isinstance(node, dict) else None
            path += f"[{item_id}]" if isinstance(item_id, str) else f"[{part}]"
        else:
            node = node.get(part) if isinstance(node, dict) else None
            path += ("." if path else "") + str(part)
    return (path, lang) if lang else (path,) if path else ()


def describe_form_error(file: Path, data: dict, error: dict) -> str:
    loc = tuple(error["loc"])
    # A field of an unknown type: pydantic names the union; say which types there are.
    if error["type"] in ("union_tag_invalid", "union_tag_not_found"):
        got = error["input"].get("type") if isinstance(error.get("input"), dict) else None
        error = dict(error, type="value_error", msg=(
            f"unknown field type {got!r} (the types are: {', '.join(FIELD_TYPES)})"
            if got is not None else f"a field needs a type ({', '.join(FIELD_TYPES)})"))
    # A discriminated union puts the chosen type in the location: drop it.
    loc = tuple(p for i, p in enumerate(loc) if not (i >= 2 and loc[i - 2] == "fields" and p in FIELD_TYPES))
    return describe(file, dict(error, loc=_readable_path(data, loc)))


def read_form(file: Path, shown_as: Path) -> tuple[Form | None, list[str]]:
    try:
        data = parse_yaml(file.read_text(encoding="utf-8"))
    except yaml.YAMLError as exc:
        return None, [yaml_problem(shown_as.as_posix(), exc)]
    if not isinstance(data, dict):
        return None, [f"{shown_as.as_posix()}: (file): expected a mapping of fields, got {type(data).__name__}"]
    try:
        form = Form.model_validate(data)
    except ValidationError as exc:
        return None, [describe_form_error(shown_as, data, e) for e in exc.errors()]
    if form.id != file.stem:
        return None, [f"{shown_as.as_posix()}: id: '{form.id}' differs from the file name '{file.stem}'"]
    return form, []


def load_forms(root: Path) -> dict[str, Form]:
    """forms/*.yml by id; each needs its template page in every language."""
    directory = root / "forms"
    forms: dict[str, Form] = {}
    problems: list[str] = []
    for file in sorted(directory.glob("*.yml")):
        form, file_problems = read_form(file, file.relative_to(root))
        problems += file_problems
        if form is None:
            continue
        forms[form.id] = form
        for lang in LANGUAGES:
            if not (root / "docs" / lang / "templates" / f"{form.id}.md").exists():
                problems.append(f"forms/{form.id}.yml: id [{lang}]: no template page docs/{lang}/templates/{form.id}.md")
    if problems:
        raise ContentError(problems)
    return forms
