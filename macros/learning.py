"""Self-study progress: which pages are modules and lessons, in which order.

Read from the docs folder at build, so a new module (a folder under self-study/ with
an index.md) and its lessons join the progress counts and the summary by themselves:
a module is self-study/<module>/index.md, a lesson any other .md file in that folder.
The order is the navigation's (mkdocs.yml), then by file name for pages not in it.
The browser code (overrides/assets/js/learning.js) gets this as a JSON data block.
"""
from __future__ import annotations

import re
from dataclasses import asdict, dataclass, field
from pathlib import Path, PurePosixPath

from .languages import read_mkdocs_yml
from .pages import page_title

SECTION = "self-study"
SUMMARY_PAGE = f"{SECTION}/my-learning.md"
# What a reflection key may be: it names the answer in the device's storage.
REFLECTION_KEY = re.compile(r"[a-z0-9]+(-[a-z0-9]+)*")


@dataclass
class Lesson:
    id: str       # <module>/<lesson>, the key of its progress on the device
    title: str
    url: str      # inside the language, e.g. self-study/change/finding-footing/


@dataclass
class Module:
    id: str
    title: str
    url: str
    lessons: list[Lesson] = field(default_factory=list)


def page_kind(src: str) -> str | None:
    """"home", "module", "lesson", "summary" or None for a page outside self-study."""
    parts = PurePosixPath(src).parts
    if src == SUMMARY_PAGE:
        return "summary"
    if parts == (SECTION, "index.md"):
        return "home"
    if len(parts) == 3 and parts[0] == SECTION:
        return "module" if parts[2] == "index.md" else "lesson"
    return None


def lesson_id(src: str) -> str:
    parts = PurePosixPath(src).parts
    return f"{parts[1]}/{PurePosixPath(parts[2]).stem}"


def url_of(src: str, directory_urls: bool) -> str:
    """The page's URL inside its language, as MkDocs makes it."""
    path = PurePosixPath(src)
    if not directory_urls:
        return str(path.with_suffix(".html"))
    if path.name == "index.md":
        return "" if str(path.parent) == "." else f"{path.parent}/"
    return f"{path.with_suffix('')}/"


def root_from(page_url: str) -> str:
    """The way from a page (its URL inside the language) back to the language's root."""
    return "../" * page_url.count("/") or "./"


def nav_order(mkdocs_yml: Path | None = None) -> list[str]:
    """The page sources in the order the navigation lists them."""
    found: list[str] = []

    def walk(item) -> None:
        if isinstance(item, str):
            found.append(item)
        elif isinstance(item, dict):
            for value in item.values():
                walk(value)
        elif isinstance(item, list):
            for value in item:
                walk(value)

    walk((read_mkdocs_yml(mkdocs_yml) if mkdocs_yml else read_mkdocs_yml()).get("nav", []))
    return found


def catalog(docs_dir: Path, lang: str, directory_urls: bool, order: list[str]) -> list[Module]:
    """Every module of the language with its lessons, in navigation order."""
    root = docs_dir / lang

    def position(src: str) -> tuple[int, str]:
        return (order.index(src) if src in order else len(order), src)

    modules = []
    for index in sorted((root / SECTION).glob("*/index.md"), key=lambda p: position(p.relative_to(root).as_posix())):
        src = index.relative_to(root).as_posix()
        module = Module(id=index.parent.name, title=page_title(index), url=url_of(src, directory_urls))
        lessons = [p.relative_to(root).as_posix() for p in index.parent.glob("*.md") if p.name != "index.md"]
        for lesson_src in sorted(lessons, key=position):
            module.lessons.append(
                Lesson(id=lesson_id(lesson_src), title=page_title(root / lesson_src), url=url_of(lesson_src, directory_urls))
            )
        modules.append(module)
    return modules


def page_data(modules: list[Module], lang: str, src: str, page_url: str) -> dict:
    """The JSON data block of a self-study page."""
    kind = page_kind(src)
    parts = PurePosixPath(src).parts
    return {
        "lang": lang,
        "root": root_from(page_url),
        "kind": kind,
        "module": parts[1] if kind in ("module", "lesson") else None,
        "lesson": lesson_id(src) if kind == "lesson" else None,
        "modules": [asdict(m) for m in modules],
    }


def insert_before_heading(markdown: str, block: str, heading_id: str | None = None) -> str:
    """Puts a block before the level-2 heading with the id (or before the first level-2
    heading); at the end when there is none."""
    pattern = rf"^## .*\{{ #{heading_id} \}}\s*$" if heading_id else r"^## "
    match = re.search(pattern, markdown, re.M)
    if not match:
        return markdown + "\n\n" + block + "\n"
    return markdown[: match.start()] + block + "\n\n" + markdown[match.start():]


def reflection_keys(text: str) -> list[str]:
    """The reflection keys a page's source names, in order (for the parity test)."""
    return re.findall(r"\{\{\s*reflection\(\s*\"([^\"]*)\"", text)
