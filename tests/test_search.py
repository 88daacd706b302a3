"""Search speaks the reader's language: Finnish pages find Finnish pages, Swedish
pages Swedish ones, and inflected words find their base word."""
from __future__ import annotations

from urllib.parse import urlsplit

import pytest

HOME = {"fi": "", "sv": "sv/"}
RESULTS = ".md-search-result__item"

# (language, inflected query, base word that the found pages contain)
INFLECTED = [
    ("fi", "palautteista", "palaute"),
    ("fi", "kuuntelun", "kuuntelu"),
    ("fi", "harjoitukseen", "harjoitus"),
    ("sv", "samtalet", "samtal"),
    ("sv", "övningarna", "övning"),
    ("sv", "responsen", "respons"),
]


def search(page, base_url, lang, query):
    page.goto(base_url + HOME[lang])
    page.locator(".md-search__input").fill(query)
    page.wait_for_function(
        "() => document.querySelector('.md-search-result__meta') && "
        "!/Kirjoita|Skriv/.test(document.querySelector('.md-search-result__meta').textContent)",
        timeout=15000,
    )
    page.wait_for_timeout(500)  # the result list renders just after the count
    items = page.locator(RESULTS)
    return [
        {"href": items.nth(i).locator("a").first.get_attribute("href"), "text": items.nth(i).inner_text()}
        for i in range(items.count())
    ]


def in_swedish(href: str) -> bool:
    return urlsplit(href).path.startswith("/sv/")


@pytest.mark.parametrize("lang,query,base_word", INFLECTED, ids=[q for _, q, _ in INFLECTED])
def test_inflected_word_finds_pages_about_its_base_word_in_the_same_language(page, base_url, lang, query, base_word):
    results = search(page, base_url, lang, query)
    assert results, f"'{query}' found nothing on the {lang} site"
    assert all(in_swedish(r["href"]) == (lang == "sv") for r in results), [r["href"] for r in results]
    assert any(base_word in r["text"].lower() for r in results), f"no result about '{base_word}'"


@pytest.mark.parametrize("lang,foreign_word", [("fi", "övningen"), ("sv", "harjoitus")])
def test_a_word_of_the_other_language_finds_nothing(page, base_url, lang, foreign_word):
    assert search(page, base_url, lang, foreign_word) == []


def test_search_works_by_keyboard(page, base_url):
    page.goto(base_url)
    for _ in range(20):
        page.keyboard.press("Tab")
        if page.evaluate("() => document.activeElement.classList.contains('md-search__input')"):
            break
    else:
        pytest.fail("the search field could not be reached with Tab")
    page.keyboard.type("kuuntelu")
    page.wait_for_selector(RESULTS)
    page.keyboard.press("ArrowDown")
    page.keyboard.press("Enter")
    page.wait_for_url(lambda url: urlsplit(url).path != "/")
    assert not in_swedish(page.url)


def test_search_dialog_has_a_name_in_the_readers_language(page, base_url):
    for path, name in (("", "Hae"), ("sv/", "Sök")):
        page.goto(base_url + path)
        assert page.get_attribute('.md-search[role="dialog"]', "aria-label") == name
