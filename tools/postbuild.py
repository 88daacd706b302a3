"""The finishing steps that need the whole built site folder, run by the MkDocs hook
hooks/finish_site.py once every language is built (so `mkdocs build` gives the
finished site; no separate step).

Why they cannot run earlier or in a template:
- The i18n plugin writes ONE search index holding both languages, after the last
  language's build. Here it is split: each language gets its own under
  <lang>/search/ (the root one is the default language's). Each page's search
  settings (main.html's config block) already point at their language's index and
  at overrides/assets/javascripts/workers/search-stemmed.js.
- The 404 pages are docs/<lang>/404.md, so each is in its own language. A server shows
  a 404 page for a missing URL at any depth, so its relative links are made absolute
  from the site's base path (SITE_URL's path, "/" by default), and the default
  language's one is copied to 404.html, where servers look first.
"""
from __future__ import annotations

import json
import re
import shutil
from pathlib import Path
from urllib.parse import urljoin, urlsplit

from macros.languages import DEFAULT_LANGUAGE, OTHER_LANGUAGES

CONFIG_SCRIPT = re.compile(r'(<script id="__config" type="application/json">)(.*?)(</script>)', re.S)


def split_search_index(site: Path) -> dict[str, int]:
    """Write one index per language; return the number of entries in each."""
    index_file = site / "search" / "search_index.json"
    combined = json.loads(index_file.read_text(encoding="utf-8"))
    # The i18n plugin stacks the default language's entries twice: keep the first.
    unique = {}
    for doc in combined["docs"]:
        unique.setdefault(doc["location"], doc)
    combined["docs"] = list(unique.values())
    counts = {}
    for lang in (DEFAULT_LANGUAGE, *OTHER_LANGUAGES):
        if lang == DEFAULT_LANGUAGE:
            prefixes = tuple(f"{other}/" for other in OTHER_LANGUAGES)
            docs = [d for d in combined["docs"] if not d["location"].startswith(prefixes)]
            target = index_file
        else:
            prefix = f"{lang}/"
            docs = [dict(d, location=d["location"][len(prefix):]) for d in combined["docs"] if d["location"].startswith(prefix)]
            target = site / lang / "search" / "search_index.json"
        config = dict(combined["config"], lang=[lang])
        index = {"config": config, "docs": docs}
        add_search_base_forms(index, lang)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(json.dumps(index, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
        counts[lang] = len(docs)
    return counts


def add_search_base_forms(index: dict, lang: str) -> None:
    """Base forms into each entry and the worker's table into config.base_forms (the
    worker gets config unchanged from Material): see tools/search_terms.py. Skipped,
    with a note, where Voikko or hunspell is missing: search then uses stems only."""
    from tools.search_terms import add_base_forms

    for doc in index["docs"]:  # a finished site processed again: start afresh
        doc.pop("base_title", None)
        doc.pop("base_text", None)
    index["config"].pop("base_forms", None)
    table = add_base_forms(index, lang)
    if table is not None:
        index["config"]["base_forms"] = table


URL_ATTRIBUTE = re.compile(r'(\s(?:href|src)=")([^"]*)(")')


def absolutize(html: str, page_url: str) -> str:
    """Make every relative href/src and the search base root-absolute, as seen from page_url."""

    def fix(match: re.Match) -> str:
        url = match.group(2)
        if not url or url.startswith(("#", "/", "mailto:", "data:")) or urlsplit(url).scheme:
            return match.group(0)
        return match.group(1) + urljoin(page_url, url) + match.group(3)

    def fix_config(match: re.Match) -> str:
        config = json.loads(match.group(2))
        # A folder, with its trailing slash, so that Material resolves search/… inside it.
        config["base"] = urljoin(page_url, config["base"].rstrip("/") + "/")
        config["search"] = urljoin(page_url, config["search"])  # keeps its ?material= query
        return match.group(1) + json.dumps(config, ensure_ascii=False) + match.group(3)

    return CONFIG_SCRIPT.sub(fix_config, URL_ATTRIBUTE.sub(fix, html), count=1)


def install_404_pages(site: Path, base_path: str = "/") -> list[str]:
    """Give <lang>/404/ absolute links (a server shows it for a missing URL at any
    depth) and copy the default language's one to 404.html, where servers look first.
    The other languages' stay at <lang>/404/: point the server's 404 for /<lang>/
    there (README). base_path is where the site is served from, e.g. /koulutus/."""
    written = []
    for prefix in ("", *(f"{lang}/" for lang in OTHER_LANGUAGES)):
        page = site / prefix / "404" / "index.html"
        if not page.exists():
            continue
        page.write_text(absolutize(page.read_text(encoding="utf-8"), f"{base_path}{prefix}404/"), encoding="utf-8")
        written.append(f"{prefix}404/")
    if (site / "404" / "index.html").exists():
        shutil.copyfile(site / "404" / "index.html", site / "404.html")
        written.append("404.html")
    return written


def write_offline_search_scripts(site: Path) -> list[str]:
    """For the offline copy (Material's offline plugin on): each language's
    search/search_index.js from its own search_index.json. On file:// Material loads
    that script (`var __index = …`) instead of fetching the JSON; the plugin writes
    only one, holding the language built last. Run after split_search_index."""
    written = []
    for lang in (DEFAULT_LANGUAGE, *OTHER_LANGUAGES):
        folder = site / "search" if lang == DEFAULT_LANGUAGE else site / lang / "search"
        data = (folder / "search_index.json").read_text(encoding="utf-8")
        (folder / "search_index.js").write_text(f"var __index = {data}", encoding="utf-8")
        written.append(str((folder / "search_index.js").relative_to(site)))
    return written


def finish(site: Path, base_path: str = "/") -> str:
    """Every finishing step, in order; returns a one-line summary."""
    counts = split_search_index(site)
    not_found = install_404_pages(site, base_path)
    return f"search entries per language {counts}; 404 pages {not_found}"
