"""The offline copy (`make offline`): the zip, unpacked to a folder and opened from
file:// in Chromium, works in both languages (navigation, styles, language switch,
search, catalog filters, card printing) and makes no request off the machine."""
from __future__ import annotations

import json
import posixpath
import re
import zipfile
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

from macros.languages import PREFIX as LANGUAGES
from tools.offline import FOLDER, SHIM, SHIM_SOURCE, build_zip

pytestmark = pytest.mark.browser

SEARCH_WORD = {"fi": "kuuntelu", "sv": "samtal"}
SWITCH_NAME = {"fi": "Suomi", "sv": "Svenska"}
TAB = {"fi": ("Oppaat", "Harjoitukset"), "sv": ("Guider", "Övningar")}
# Every violation of the page's CSP is logged as a console error, so the console
# check below covers the policy too.
RECORD_VIOLATIONS = """
document.addEventListener("securitypolicyviolation", event => {
  console.error("CSP violation: " + event.effectiveDirective + " blocked " + event.blockedURI
    + " at " + event.sourceFile + ":" + event.lineNumber);
});
"""


@pytest.fixture(scope="module")
def offline_zip(tmp_path_factory) -> Path:
    """The zip, built once by the same function `make offline` runs."""
    return build_zip(tmp_path_factory.mktemp("dist") / "kohti-valmentavaa-offline.zip")


@pytest.fixture(scope="module")
def folder(offline_zip, tmp_path_factory) -> Path:
    """The zip unpacked, as a trainer would, into a folder whose name has a space and an ä."""
    target = tmp_path_factory.mktemp("unzipped") / "Kurssin aineisto ä"
    with zipfile.ZipFile(offline_zip) as archive:
        archive.extractall(target)
    return target / FOLDER


@pytest.fixture
def offline_page(browser):
    """A page that records every request (with the document that made it) and every
    console error, CSP violation and uncaught exception."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    context.add_init_script(RECORD_VIOLATIONS)
    page = context.new_page()
    page.kv_requests = []
    page.kv_errors = []
    context.on("request", lambda r: page.kv_requests.append((r.url, r.frame.url if r.frame else "?")))
    page.on("console", lambda m: m.type == "error" and page.kv_errors.append(f"{page.url}: {m.text}"))
    page.on("pageerror", lambda e: page.kv_errors.append(f"{page.url}: {e}"))
    yield page
    context.close()


def outside_requests(page) -> list[str]:
    return [f"{url} (made by {made_by})" for url, made_by in page.kv_requests if not url.startswith(("file:", "data:"))]


def lang_of(page) -> str:
    return page.get_attribute("html", "lang")


def follow(page, locator) -> None:
    """Click a link and wait for the page it opens (a real .html file, styled)."""
    with page.expect_navigation():
        locator.click()
    assert page.url.startswith("file:") and page.url.split("#")[0].split("?")[0].endswith(".html"), page.url
    # Material's stylesheet is in force: the header sticks to the top.
    assert page.eval_on_selector(".md-header", "e => getComputedStyle(e).position") == "sticky", f"{page.url}: unstyled"


def switch_language(page, to: str) -> None:
    page.locator(".md-header__option .md-select").hover()
    follow(page, page.locator(f".md-select__link[hreflang={to}]"))
    assert lang_of(page) == to


def search(page, lang: str) -> list[str]:
    """Type the word (key by key, as a reader does) and return the result links once
    the count line shows a number."""
    field = page.locator(".md-search__input")
    page.locator("label[for=__search]").first.click() if not field.is_visible() else None
    field.focus()
    field.press_sequentially(SEARCH_WORD[lang])
    page.wait_for_function(
        "() => /\\d/.test(document.querySelector('.md-search-result__meta')?.textContent || '')", timeout=60000)
    return page.eval_on_selector_all(".md-search-result__link", "links => links.map(a => a.href)")


def test_zip_holds_both_languages_and_their_own_search_index(offline_zip):
    with zipfile.ZipFile(offline_zip) as archive:
        names = set(archive.namelist())
        for lang, prefix in LANGUAGES.items():
            assert f"{FOLDER}/{prefix}index.html" in names
            script = archive.read(f"{FOLDER}/{prefix}search/search_index.js").decode("utf-8")
            index = json.loads(script.removeprefix("var __index = "))
            assert index["config"]["lang"] == [lang]
            others = [p for p in LANGUAGES.values() if p and p != prefix]
            assert index["docs"] and not [d["location"] for d in index["docs"] if d["location"].startswith(tuple(others))]
        assert archive.read(f"{FOLDER}/{SHIM}") == SHIM_SOURCE.read_bytes()
        # No page names a script, style or frame on another host (the request
        # check below covers what the pages then do).
        remote = []
        for name in sorted(n for n in names if n.endswith(".html")):
            html = archive.read(name).decode("utf-8")
            remote += [f"{name}: {m}" for m in re.findall(r'<(?:script|link|img|iframe)\b[^>]*(?:src|href)="((?:https?:)?//[^"]*)"', html)]
        assert not remote, "pages load from another host:\n" + "\n".join(remote)
        # Every link inside the copy opens a file (from a folder, a link to a folder
        # shows a folder listing). The 404 pages are for servers: absolute links.
        broken = []
        for name in sorted(n for n in names if n.endswith(".html") and not n.endswith("404.html")):
            for url in re.findall(r'<a\b[^>]*?\shref="([^"]*)"', archive.read(name).decode("utf-8")):
                parts = urlsplit(url)
                if not parts.path or parts.scheme or url.startswith("/"):
                    continue
                target = posixpath.normpath(posixpath.join(posixpath.dirname(name), unquote(parts.path)))
                if target not in names:
                    broken.append(f"{name}: {url}")
        assert not broken, f"{len(broken)} links open no file, e.g.:\n" + "\n".join(broken[:20])


def test_opened_from_a_folder_it_works_in_both_languages_and_stays_on_the_machine(folder, offline_page):
    page = offline_page
    page.goto((folder / "index.html").as_uri())
    assert lang_of(page) == "fi"

    for lang in ("fi", "sv"):
        guides, exercises = TAB[lang]
        # A guide through the navigation.
        follow(page, page.locator(".md-tabs__link", has_text=guides))
        follow(page, page.locator("article a[href$='.html']").first)
        assert lang_of(page) == lang and "/guides/" in page.url
        # The catalog: the filters run, and an exercise opens from it.
        follow(page, page.locator(".md-tabs__link", has_text=exercises))
        rows = page.locator(".kv-catalog__row:not([hidden])")
        every = rows.count()
        page.select_option("#kv-filter-mode", "hybrid")  # some exercises do not work hybrid
        page.wait_for_function("n => document.querySelectorAll('.kv-catalog__row:not([hidden])').length < n", arg=every)
        assert 0 < rows.count() < every
        follow(page, rows.first.locator("a").first)
        assert "/exercises/" in page.url
        # The exercise page's card print button is there (site.js ran).
        assert page.locator("[data-kv-print=card]").is_visible()
        # Search in the reader's language only.
        results = search(page, lang)
        assert results, f"{lang}: no results for {SEARCH_WORD[lang]}"
        in_swedish = [url for url in results if url.split(f"/{FOLDER}/", 1)[1].startswith("sv/")]
        assert in_swedish == (results if lang == "sv" else []), f"{lang}: results in the other language: {results[:5]}"
        page.keyboard.press("Escape")
        # On to the other language on the same page.
        if lang == "fi":
            switch_language(page, "sv")
            assert "/sv/exercises/" in page.url

    # Printing the card deck works from the folder too.
    follow(page, page.locator(".md-tabs__link", has_text=TAB["sv"][1]))
    follow(page, page.locator(".md-sidebar--primary a.md-nav__link[href*='cards/index.html']").first)
    assert len(page.pdf(prefer_css_page_size=True)) > 10_000
    switch_language(page, "fi")

    # A task ticked in a lesson is kept from the folder too (the bundled learning.js),
    # under the site's own namespace in the localStorage that every file:// page shares.
    page.goto((folder / "self-study" / "recovery" / "micro-breaks.html").as_uri())
    page.locator(".md-typeset .task-list-item .kv-task__text").first.click()
    page.wait_for_function("() => Object.keys(localStorage).some(k => k.startsWith('kv:learning:v1:lesson:'))")
    ours = [k for k in page.evaluate("() => Object.keys(localStorage)") if k.startswith("kv")]
    assert ours and all(k.startswith("kv:") for k in ours), ours

    outside = outside_requests(page)
    assert not outside, "requests off the machine:\n" + "\n".join(outside)
    assert not page.kv_errors, "console errors:\n" + "\n".join(page.kv_errors)


def test_planner_opened_from_a_folder_loads_its_data_and_computes_times(folder, offline_page):
    """The planner's module is bundled to a classic script (tools/bundle.py) and its
    exercise data is a script file, since a folder page can neither load modules nor
    fetch JSON."""
    page = offline_page
    for prefix in LANGUAGES.values():
        page.goto((folder / prefix / "planner.html").as_uri())
        count = page.evaluate("() => window.kvPlannerExercises.exercises.length")
        assert count > 10
        first = page.locator("[data-kv-results] [data-add]").first
        first.click()
        page.locator("[data-kv-results] [data-add]").nth(1).click()
        clocks = page.locator(".kv-plan__clock")
        page.wait_for_function("() => document.querySelectorAll('.kv-plan__clock').length >= 2")
        # One plan for both languages (file:// pages share one storage): times run on from 9.00.
        spans = [span.split("–") for span in clocks.all_text_contents()]
        assert spans[0][0] == "9.00" and all(spans[i][1] == spans[i + 1][0] for i in range(len(spans) - 1)), spans
        # The exercise link in the block opens the exercise's file.
        href = page.locator(".kv-plan__title a").first.get_attribute("href")
        assert href.endswith(".html") and (folder / prefix / unquote(href)).resolve().is_file(), href
    outside = outside_requests(page)
    assert not outside, "requests off the machine:\n" + "\n".join(outside)
    assert not page.kv_errors, "console errors:\n" + "\n".join(page.kv_errors)
