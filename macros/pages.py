"""Facts about Markdown pages in docs/<lang>/ that macros need: titles and ids."""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import yaml


FRONT_MATTER = re.compile(r"\A---\n(.*?)\n---\n", re.S)
H1 = re.compile(r"^# (.+?)\s*(\{.*\})?\s*$", re.M)


@dataclass(frozen=True)
class PageInfo:
    id: str           # file stem, or the folder name for a folder's index.md
    src: str          # path inside the language folder, e.g. guides/feedback.md
    title: str
    description: str


def front_matter(text: str) -> tuple[dict, str]:
    match = FRONT_MATTER.match(text)
    if not match:
        return {}, text
    return (yaml.safe_load(match.group(1)) or {}), text[match.end():]


def page_title(file: Path) -> str:
    """The front matter title, else the first level-1 heading."""
    meta, body = front_matter(file.read_text(encoding="utf-8"))
    if meta.get("title"):
        return str(meta["title"])
    heading = H1.search(body)
    if not heading:
        raise ValueError(f"{file.as_posix()}: no title: add 'title:' to the front matter or a '# ' heading")
    return heading.group(1)


def section_pages(docs_dir: Path, lang: str, folder: str) -> list[PageInfo]:
    """The pages of a section: its files and its sub-folders' index pages, by title."""
    root = docs_dir / lang
    files = [p for p in (root / folder).glob("*.md") if p.stem != "index"]
    files += sorted((root / folder).glob("*/index.md"))
    pages = []
    for file in files:
        meta, _ = front_matter(file.read_text(encoding="utf-8"))
        pages.append(
            PageInfo(
                id=file.parent.name if file.stem == "index" else file.stem,
                src=file.relative_to(root).as_posix(),
                title=page_title(file),
                description=str(meta.get("description", "")),
            )
        )
    return sorted(pages, key=lambda p: p.title.casefold())
