"""Read facts off built HTML pages with the standard library: links, ids, lang, loads."""
from __future__ import annotations

from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

# Attributes through which a page makes the browser fetch something.
LOADING_ATTRS = {
    "script": ("src",),
    "img": ("src", "srcset"),
    "iframe": ("src",),
    "audio": ("src",),
    "video": ("src", "poster"),
    "source": ("src", "srcset"),
    "embed": ("src",),
    "object": ("data",),
    "input": ("src",),
}
LINK_LOADS = {"stylesheet", "icon", "preload", "prefetch", "modulepreload", "manifest", "apple-touch-icon"}


@dataclass
class PageFacts:
    lang: str | None = None
    ids: set[str] = field(default_factory=set)
    links: list[str] = field(default_factory=list)  # <a href>
    loads: list[str] = field(default_factory=list)  # everything fetched on load


class _Parser(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.facts = PageFacts()

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "html":
            self.facts.lang = a.get("lang")
        if a.get("id"):
            self.facts.ids.add(a["id"])
        if tag == "a" and a.get("name"):
            self.facts.ids.add(a["name"])
        if tag == "a" and a.get("href") is not None:
            self.facts.links.append(a["href"])
        for attr in LOADING_ATTRS.get(tag, ()):
            if a.get(attr):
                self.facts.loads += [part.strip().split(" ")[0] for part in a[attr].split(",")]
        if tag == "link" and a.get("href") and set((a.get("rel") or "").split()) & LINK_LOADS:
            self.facts.loads.append(a["href"])


def page_facts(file: Path) -> PageFacts:
    parser = _Parser()
    parser.feed(file.read_text(encoding="utf-8"))
    return parser.facts


def html_pages(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))


def is_outside(url: str) -> bool:
    parts = urlsplit(url)
    return bool(parts.netloc) or parts.scheme in ("http", "https")


def resolve(site: Path, page: Path, href: str) -> tuple[Path, str]:
    """The file a relative href points at from a page, and its #fragment."""
    parts = urlsplit(href)
    if parts.path.startswith("/"):  # root-relative, as on the 404 page: the site is served at /
        target = (site / unquote(parts.path).lstrip("/")).resolve()
    else:
        target = (page.parent / unquote(parts.path)).resolve() if parts.path else page
    if parts.path and (parts.path.endswith("/") or target.is_dir()):
        target = target / "index.html"
    return target, unquote(parts.fragment)


def page_language(site: Path, page: Path) -> str:
    return "sv" if page.relative_to(site).parts[0] == "sv" else "fi"
