"""Finish a built site: one search index per language.

Run after `mkdocs build` (the Makefile does). It works on the finished files, so it
does not depend on MkDocs' plugin events (see ../shared/design/stack-pitfalls.md).

Why: mkdocs-static-i18n writes one search index holding both languages, and every
page, Swedish ones too, loads it from the site root. A Swedish reader then gets
Finnish hits. Here the index is split, each language gets its own under
<lang>/search/, and each non-default page's search base points at its language root.
"""
from __future__ import annotations

import argparse
import json
import re
from pathlib import Path

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
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(json.dumps({"config": config, "docs": docs}, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
        counts[lang] = len(docs)
    return counts


def _rebase(match: re.Match) -> str:
    config = json.loads(match.group(2))
    # Pages under /<lang>/ are one folder deeper than the root: drop the last "..".
    base = config["base"]
    config["base"] = "." if base == ".." else base.removesuffix("/..")
    return match.group(1) + json.dumps(config, ensure_ascii=False) + match.group(3)


def point_pages_to_language_root(site: Path, lang: str) -> int:
    changed = 0
    for page in (site / lang).rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        new_html, n = CONFIG_SCRIPT.subn(_rebase, html, count=1)
        if n:
            page.write_text(new_html, encoding="utf-8")
            changed += 1
    return changed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("site", type=Path, nargs="?", default=Path("site"))
    site = parser.parse_args().site
    counts = split_search_index(site)
    pages = sum(point_pages_to_language_root(site, lang) for lang in OTHER_LANGUAGES)
    print(f"postbuild: search entries {counts}; {pages} pages point to their language's index")


if __name__ == "__main__":
    main()
