"""Facts about Markdown pages in docs/<lang>/ that macros need: titles and ids.

An authoring mistake in a page (front matter that is not YAML, no title) is a
ContentError naming the file relative to the project root and its language, like
every other content problem, never a traceback.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

import yaml

from .errors import ContentError, yaml_problem
from .history import History, differing_dates, is_exercise_page, page_history
from .model import LANGUAGES
from .yamlfile import parse_yaml

FRONT_MATTER = re.compile(r"\A---\n(.*?)\n---\n", re.S)
H1 = re.compile(r"^# (.+?)\s*(\{.*\})?\s*$", re.M)
# Exercise pages are one macro call; the macro writes their heading.
EXERCISE_PAGES = "exercises"


@dataclass(frozen=True)
class PageInfo:
    id: str           # file stem, or the folder name for a folder's index.md
    src: str          # path inside the language folder, e.g. guides/feedback.md
    title: str
    description: str


def shown_path(file: Path) -> tuple[str, str]:
    """docs/fi/guides/x.md and its language (" [fi]"), whatever folder the project is in."""
    parts = file.parts
    if "docs" in parts:
        parts = parts[len(parts) - 1 - parts[::-1].index("docs"):]
    shown = PurePosixPath(*parts).as_posix()
    lang = f" [{parts[1]}]" if len(parts) > 1 and parts[1] in LANGUAGES else ""
    return shown, lang


def front_matter(text: str, file: Path | None = None) -> tuple[dict, str]:
    """The page's front matter as a dict, and the text after it."""
    match = FRONT_MATTER.match(text)
    if not match:
        return {}, text
    shown, lang = shown_path(file) if file else ("(page)", "")
    try:
        meta = parse_yaml(match.group(1))
    except yaml.YAMLError as exc:
        # The YAML starts on the file's line 2, after the opening ---.
        raise ContentError([yaml_problem(shown, exc, f"front matter{lang}", first_line=2)]) from None
    if meta is None:
        meta = {}
    if not isinstance(meta, dict):
        raise ContentError([f"{shown}: front matter{lang}: expected fields (name: value), got {type(meta).__name__}"])
    return meta, text[match.end():]


def read_page(file: Path) -> tuple[dict, str]:
    try:
        text = file.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        shown, lang = shown_path(file)
        raise ContentError([f"{shown}: (file){lang}: not UTF-8 text (save it as UTF-8)"]) from None
    return front_matter(text, file)


def page_title(file: Path) -> str:
    """The front matter title, else the first level-1 heading."""
    meta, body = read_page(file)
    if meta.get("title"):
        return str(meta["title"])
    heading = H1.search(body)
    if not heading:
        shown, lang = shown_path(file)
        raise ContentError([f"{shown}: title{lang}: no title: add a '# ' heading (or 'title:' to the front matter)"])
    return heading.group(1)


def check_pages(docs_dir: Path) -> dict[str, dict[str, History]]:
    """Every page of both languages: front matter that parses, a title and a date (the
    same dates in every language). Returns {path in the language folder: {lang: History}}
    for the pages dated by front matter (exercise pages are dated by their exercise file)."""
    problems: list[str] = []
    histories: dict[str, dict[str, History]] = {}
    for lang in LANGUAGES:
        for file in sorted((docs_dir / lang).rglob("*.md")):
            rel = file.relative_to(docs_dir / lang)
            try:
                if is_exercise_page(rel):
                    read_page(file)
                    continue
                page_title(file)
                meta, _ = read_page(file)
                shown, _ = shown_path(file)
                histories.setdefault(rel.as_posix(), {})[lang] = page_history(file, meta, shown, lang)
            except ContentError as exc:
                problems.extend(exc.problems)
    problems += differing_dates(histories)
    if problems:
        raise ContentError(problems)
    return histories


def section_pages(docs_dir: Path, lang: str, folder: str) -> list[PageInfo]:
    """The pages of a section: its files and its sub-folders' index pages, by title
    (less those whose front matter says `kv_unlisted: true`)."""
    root = docs_dir / lang
    files = [p for p in (root / folder).glob("*.md") if p.stem != "index"]
    files += sorted((root / folder).glob("*/index.md"))
    pages = []
    for file in files:
        meta, _ = read_page(file)
        if meta.get("kv_unlisted"):  # a page of the section that is not one of its items
            continue
        pages.append(
            PageInfo(
                id=file.parent.name if file.stem == "index" else file.stem,
                src=file.relative_to(root).as_posix(),
                title=page_title(file),
                description=str(meta.get("description", "")),
            )
        )
    return sorted(pages, key=lambda p: p.title.casefold())
