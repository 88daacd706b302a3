"""The finishing steps that need the whole built site folder, run by the MkDocs hook
hooks/finish_site.py once every language is built (so `mkdocs build` gives the
finished site; no separate step).

Why they cannot run earlier or in a template:
- The i18n plugin writes ONE search index holding both languages, after the last
  language's build. Here it is split: each language gets its own under
  <lang>/search/ (the root one is the default language's). Each page's search
  settings (main.html's config block) already point at their language's index and
  at overrides/assets/javascripts/workers/search-stemmed.js.
- Nothing else: the 404 pages are MkDocs' own error template (overrides/404.html,
  absolute links from SITE_URL's path), placed per language by the hook.
"""
from __future__ import annotations

import json
from pathlib import Path

from macros.languages import DEFAULT_LANGUAGE, OTHER_LANGUAGES


def is_excluded_heading(doc: dict, by_location: dict) -> bool:
    """A heading inside a data-search-exclude block (the planner's) still opens a
    section; Material gives it no text and the page's title, so in results it would
    only repeat the page."""
    page, _, anchor = doc["location"].partition("#")
    page_doc = by_location.get(page)
    return bool(anchor) and not doc["text"].strip() and page_doc is not None and doc["title"] == page_doc["title"]


def split_search_index(site: Path) -> dict[str, int]:
    """Write one index per language; return the number of entries in each."""
    index_file = site / "search" / "search_index.json"
    combined = json.loads(index_file.read_text(encoding="utf-8"))
    # The i18n plugin stacks the default language's entries twice: keep the first.
    unique = {}
    for doc in combined["docs"]:
        unique.setdefault(doc["location"], doc)
    combined["docs"] = [d for d in unique.values() if not is_excluded_heading(d, unique)]
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


def finish(site: Path) -> str:
    """Every finishing step, in order; returns a one-line summary."""
    counts = split_search_index(site)
    return f"search entries per language {counts}"
