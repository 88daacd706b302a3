"""Search finds what a reader means: every query of tests/search_queries.yml, typed
into its language's search in Chromium, one after another on one page per language.

A query is a hit when one of its `expect` pages is among the first three results
and none of its `avoid` pages is (palaute must not bring up palautuminen). Each
language needs hit@3 >= 90 %, and every result must be in the reader's language.
The hit@3 and the misses are printed (shown without -s too).
"""
from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit

import pytest
import yaml

from tests.test_search import HOME, in_swedish, next_search, open_search

pytestmark = pytest.mark.browser

QUERIES = yaml.safe_load((Path(__file__).parent / "search_queries.yml").read_text(encoding="utf-8"))
REQUIRED_HIT_RATE = 0.90


def page_path(href: str, lang: str) -> str:
    """A result's page, relative to its language's root, without the section anchor."""
    return urlsplit(href).path.lstrip("/").removeprefix(HOME[lang])


def test_the_query_set_has_forty_queries_per_language_with_known_pages(site):
    for lang, queries in QUERIES.items():
        assert len(queries) >= 40, f"{lang}: {len(queries)} queries"
        assert len({q["query"] for q in queries}) == len(queries), f"{lang}: a query is listed twice"
        for q in queries:
            for path in q["expect"] + q.get("avoid", []):
                assert (site / HOME[lang] / path / "index.html").exists(), f"{lang} '{q['query']}': no page {path}"


@pytest.mark.parametrize("lang", QUERIES)
def test_search_finds_the_expected_pages_in_the_top_three(browser, base_url, lang, capsys):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    try:
        open_search(page, base_url, lang)
        misses, foreign = [], []
        for q in QUERIES[lang]:
            results = next_search(page, q["query"])
            foreign += [(q["query"], r["href"]) for r in results if in_swedish(r["href"]) != (lang == "sv")]
            top = [page_path(r["href"], lang) for r in results[:3]]
            if not set(top) & set(q["expect"]) or set(top) & set(q.get("avoid", [])):
                misses.append((q["query"], top))
    finally:
        context.close()
    rate = 1 - len(misses) / len(QUERIES[lang])
    report = [f"search hit@3 ({lang}): {rate:.0%} of {len(QUERIES[lang])} queries"]
    report += [f"  miss: '{query}' -> {top}" for query, top in misses]
    with capsys.disabled():
        print("\n" + "\n".join(report))
    assert not foreign, f"results in the other language: {foreign[:5]}"
    assert rate >= REQUIRED_HIT_RATE, "\n".join(report)
