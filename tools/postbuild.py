"""Finish a built site: one search index per language, and a 404 page per language.

Run after `mkdocs build` (the Makefile does). It works on the finished files, so it
does not depend on MkDocs' plugin events (see ../shared/design/stack-pitfalls.md).

Why: mkdocs-static-i18n writes one search index holding both languages, and every
page, Swedish ones too, loads it from the site root. A Swedish reader then gets
Finnish hits. Here the index is split, each language gets its own under
<lang>/search/, each non-default page's search base points at its language root,
and every page uses overrides/assets/javascripts/workers/search-stemmed.js, which
stems typed words like the index (Material's prefix queries skip the stemmer).
The 404 pages are written as docs/<lang>/404.md, so each is in its own language
(the theme's single 404.html came out in Finnish only). A server shows a 404 page
for a missing URL at any depth, so their links are made root-absolute here.
"""
from __future__ import annotations

import argparse
import json
import re
import shutil
from pathlib import Path
from urllib.parse import urljoin, urlsplit

DEFAULT_LANGUAGE = "fi"
OTHER_LANGUAGES = ("sv",)
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


STEMMED_WORKER = "search-stemmed.js"  # overrides/assets/javascripts/workers/


def configure_search(config: dict, in_other_language: bool) -> dict:
    """Point one page's search at its language's index and at the stemming worker."""
    if in_other_language:
        # Pages under /<lang>/ are one folder deeper than the root: drop the last "..".
        base = config["base"]
        config["base"] = "." if base == ".." else base.removesuffix("/..")
    folder, _, material_worker = config["search"].rpartition("/")
    if material_worker != STEMMED_WORKER and not material_worker.startswith(STEMMED_WORKER):
        config["search"] = f"{folder}/{STEMMED_WORKER}?material={material_worker}"
    return config


def configure_search_on_pages(site: Path) -> int:
    changed = 0
    for page in site.rglob("*.html"):
        in_other_language = page.relative_to(site).parts[0] in OTHER_LANGUAGES
        html = page.read_text(encoding="utf-8")

        def rewrite(match: re.Match) -> str:
            config = configure_search(json.loads(match.group(2)), in_other_language)
            return match.group(1) + json.dumps(config, ensure_ascii=False) + match.group(3)

        new_html, n = CONFIG_SCRIPT.subn(rewrite, html, count=1)
        if n:
            page.write_text(new_html, encoding="utf-8")
            changed += 1
    return changed


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
        config["base"] = urljoin(page_url, config["base"] + "/").rstrip("/") or "/"
        config["search"] = urljoin(page_url, config["search"])  # keeps its ?material= query
        return match.group(1) + json.dumps(config, ensure_ascii=False) + match.group(3)

    return CONFIG_SCRIPT.sub(fix_config, URL_ATTRIBUTE.sub(fix, html), count=1)


def install_404_pages(site: Path) -> list[str]:
    """Give <lang>/404/ root-absolute links (a server shows it for a missing URL at any
    depth) and copy the default language's one to 404.html, where servers look first.
    The Swedish one stays at sv/404/: point the server's 404 for /sv/ there (README)."""
    written = []
    for prefix in ("", *(f"{lang}/" for lang in OTHER_LANGUAGES)):
        page = site / prefix / "404" / "index.html"
        if not page.exists():
            continue
        page.write_text(absolutize(page.read_text(encoding="utf-8"), f"/{prefix}404/"), encoding="utf-8")
        written.append(f"{prefix}404/")
    if (site / "404" / "index.html").exists():
        shutil.copyfile(site / "404" / "index.html", site / "404.html")
        written.append("404.html")
    return written


def finish(site: Path) -> str:
    """Every post-build step, in order; returns a one-line summary."""
    counts = split_search_index(site)
    pages = configure_search_on_pages(site)
    not_found = install_404_pages(site)
    return f"postbuild: search entries {counts}; {pages} pages use their language's index; wrote {not_found}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("site", type=Path, nargs="?", default=Path("site"))
    print(finish(parser.parse_args().site))


if __name__ == "__main__":
    main()
