"""The glossary and the abbreviation list: data/glossary.yml, one source for the
glossary pages and for the abbreviations that expand on every page."""
from __future__ import annotations

from pathlib import Path

import yaml
from pydantic import BaseModel, Field, ValidationError

from .errors import ContentError, describe_validation_error, yaml_problem
from .model import PlainText, Slug, Strict, Text
from .yamlfile import parse_yaml


class Term(Strict):
    id: Slug
    fi: PlainText
    sv: PlainText
    en: PlainText
    definition: Text
    note: Text | None = Field(default=None, description="Usage note, e.g. a word not to use")

    def __getitem__(self, lang: str) -> str:
        return getattr(self, lang)


class Abbreviation(Strict):
    abbr: PlainText
    # Other spellings used in running text, e.g. Swedish writes "vpj" in lower case.
    # Listed one by one: a blanket lower-case form would also match words ("om").
    written_also: list[PlainText] = Field(default_factory=list, description="Other spellings in running text, e.g. vpj")
    fi: PlainText = Field(description="Expansion shown to Finnish readers")
    sv: PlainText = Field(description="Expansion shown to Swedish readers")


class Glossary(Strict):
    terms: list[Term] = Field(min_length=1)
    abbreviations: list[Abbreviation] = Field(default_factory=list)

    def sorted_terms(self, lang: str) -> list[Term]:
        return sorted(self.terms, key=lambda term: getattr(term, lang).casefold())


GLOSSARY_FILE = Path("data") / "glossary.yml"


def load_glossary(root: Path) -> Glossary:
    file = root / GLOSSARY_FILE
    if not file.exists():
        raise ContentError([f"{GLOSSARY_FILE.as_posix()}: (file): missing"])
    try:
        glossary = Glossary.model_validate(parse_yaml(file.read_text(encoding="utf-8")))
    except yaml.YAMLError as exc:
        raise ContentError([yaml_problem(GLOSSARY_FILE.as_posix(), exc)]) from None
    except UnicodeDecodeError:
        raise ContentError([f"{GLOSSARY_FILE.as_posix()}: (file): not UTF-8 text (save it as UTF-8)"]) from None
    except ValidationError as exc:
        raise ContentError(describe_validation_error(GLOSSARY_FILE, exc)) from None
    problems = []
    seen: set[str] = set()
    for i, term in enumerate(glossary.terms):
        if term.id in seen:
            problems.append(f"{GLOSSARY_FILE.as_posix()}: terms[{i}].id: '{term.id}' is used twice")
        seen.add(term.id)
    if problems:
        raise ContentError(problems)
    return glossary


def abbreviation_lines(glossary: Glossary, lang: str) -> str:
    """Markdown abbreviation definitions (the abbr extension) for one language."""
    return "\n".join(
        f"*[{form}]: {getattr(a, lang)}" for a in glossary.abbreviations for form in (a.abbr, *a.written_also)
    )
