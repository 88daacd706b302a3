"""The site's page URLs, derived from the docs tree (known before the build runs)."""
from __future__ import annotations

from pathlib import Path

DOCS = Path(__file__).resolve().parent.parent / "docs"
from macros.languages import PREFIX


def page_path(lang: str, md: Path) -> str:
    """docs/sv/guides/x.md -> 'sv/guides/x/'; index.md -> its folder."""
    rel = md.relative_to(DOCS / lang).with_suffix("")
    if rel.name == "index":
        folder = rel.parent.as_posix()
        return PREFIX[lang] + ("" if folder == "." else folder + "/")
    return PREFIX[lang] + rel.as_posix() + "/"


def all_page_paths() -> list[str]:
    return [page_path(lang, md) for lang in PREFIX for md in sorted((DOCS / lang).rglob("*.md"))]


def counterpart(path: str) -> str:
    """The same page in the other language."""
    return path[len("sv/"):] if path.startswith("sv/") else "sv/" + path
