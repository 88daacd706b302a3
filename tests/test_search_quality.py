"""Search finds what a reader means: every query of tests/search_queries.yml, typed
into its language's search in Chromium, one after another on one page per language.

A query is a hit when one of its `expect` pages is among the first three results
and none of its `avoid` pages is (palaute must not bring up palautuminen). Each
language needs hit@3 >= 90 %, and every result must be in the reader's language.
The hit@3 and the misses are printed (shown without -s too). Typing an exercise's,
guide's or template's name must bring that page first.
"""
from __future__ import annotations

import re
from html import unescape
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


@pytest.fixture(scope="module", params=list(QUERIES))
def search_page(request, browser, base_url):
    """One page per language, its index loaded once, for every query of the module."""
    lang = request.param
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    open_search(page, base_url, lang)
    yield lang, page
    context.close()


def test_search_finds_the_expected_pages_in_the_top_three(search_page, capsys):
    lang, page = search_page
    misses, foreign = [], []
    for q in QUERIES[lang]:
        results = next_search(page, q["query"])
        foreign += [(q["query"], r["href"]) for r in results if in_swedish(r["href"]) != (lang == "sv")]
        top = [page_path(r["href"], lang) for r in results[:3]]
        if not set(top) & set(q["expect"]) or set(top) & set(q.get("avoid", [])):
            misses.append((q["query"], top))
    rate = 1 - len(misses) / len(QUERIES[lang])
    report = [f"search hit@3 ({lang}): {rate:.0%} of {len(QUERIES[lang])} queries"]
    report += [f"  miss: '{query}' -> {top}" for query, top in misses]
    with capsys.disabled():
        print("\n" + "\n".join(report))
    assert not foreign, f"results in the other language: {foreign[:5]}"
    assert rate >= REQUIRED_HIT_RATE, "\n".join(report)


def page_names(site: Path, lang: str) -> dict[str, str]:
    """Each exercise's, guide's and template's name (its H1), by page path."""
    names = {}
    for section in ("exercises", "guides", "templates"):
        for html in sorted((site / HOME[lang] / section).glob("*/index.html")):
            h1 = re.search(r"<h1[^>]*>(.*?)</h1>", html.read_text(encoding="utf-8"), re.S).group(1)
            names[f"{section}/{html.parent.name}/"] = unescape(re.sub(r"<a .*?</a>|<[^>]+>", "", h1)).strip()
    return names


def test_a_page_name_brings_that_page_first(search_page, site):
    lang, page = search_page
    names = page_names(site, lang)
    assert len(names) > 40, names
    wrong = []
    for path, name in names.items():
        results = next_search(page, name)
        first = page_path(results[0]["href"], lang) if results else None
        if first != path:
            wrong.append(f"'{name}' -> {first}, not {path}")
    assert not wrong, "\n".join(wrong)
