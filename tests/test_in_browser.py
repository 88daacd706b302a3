"""Every page in a real browser (Debian chromium): accessibility, privacy, console,
language switch and keyboard use."""
from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit

import pytest

from .site_pages import all_page_paths, counterpart

AXE = Path(__file__).resolve().parent.parent / "node_modules" / "axe-core" / "axe.min.js"
WCAG_21_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
PAGES = all_page_paths()


class Watched:
    """One page for the whole module, with every request to another host and every
    console error recorded from the start. Recording never pauses, so a request made
    late by one page (after its test) still fails the next test or the last one."""

    def __init__(self, browser, host):
        # The test injects axe-core as an inline script, which the site's own
        # Content-Security-Policy rightly blocks; tests/test_csp.py checks that policy.
        self.context = browser.new_context(viewport={"width": 1280, "height": 900}, bypass_csp=True)
        self.outside, self.errors = [], []
        self.context.on("request", self._on_request)
        self.page = self.context.new_page()
        self.page.on("console", lambda message: self.errors.append(message.text) if message.type == "error" else None)
        self.page.on("pageerror", lambda error: self.errors.append(str(error)))
        self.host = host

    def _on_request(self, request):
        if urlsplit(request.url).netloc not in ("", self.host) and not request.url.startswith("data:"):
            self.outside.append(request.url)


@pytest.fixture(scope="module")
def watched(browser, base_url):
    watched = Watched(browser, urlsplit(base_url).netloc)
    yield watched
    watched.context.close()


@pytest.mark.parametrize("path", PAGES)
def test_page_is_accessible_private_and_error_free(watched, base_url, path):
    """axe-core WCAG 2.1 A/AA with 0 violations; no request to another host; no console error."""
    assert AXE.exists(), "axe-core missing: run `make test` (npm ci installs it)"
    page = watched.page
    watched.errors.clear()
    response = page.goto(base_url + path, wait_until="load")
    assert response.ok, f"{path}: HTTP {response.status}"
    page.add_script_tag(path=str(AXE))
    violations = page.evaluate(
        "async tags => (await axe.run(document, {runOnly: {type: 'tag', values: tags}})).violations"
        ".map(v => v.id + ': ' + v.help + ' @ ' + v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(' | '))",
        WCAG_21_AA,
    )
    assert violations == [], f"{path}: accessibility violations"
    assert watched.outside == [], f"{path} (or the page before it): requests to other hosts"
    assert watched.errors == [], f"{path}: console errors"


def test_no_page_made_a_late_request_to_another_host(watched):
    """Runs after every page above: catches a request the last pages made late."""
    assert watched.page.url.startswith("http"), "the pages above must have run first"
    assert watched.outside == []


def test_language_switch_works_by_keyboard_and_keeps_the_page(page, base_url, exercises):
    exercise_id = sorted(exercises)[0]
    page.goto(base_url + f"exercises/{exercise_id}/")
    for _ in range(40):
        page.keyboard.press("Tab")
        focused = page.evaluate("() => document.activeElement.getAttribute('hreflang')")
        if focused == "sv":
            break
    else:
        pytest.fail("the Swedish language link could not be reached with Tab")
    page.keyboard.press("Enter")
    page.wait_for_url(base_url + f"sv/exercises/{exercise_id}/")
    assert page.evaluate("document.documentElement.lang") == "sv"


@pytest.mark.parametrize("path", ["404.html", "sv/404.html"])
def test_not_found_page_speaks_the_language_of_its_folder(page, base_url, path, content):
    """404.html (where servers look first) is Finnish; sv/404.html is Swedish; both are
    styled and lead to the other language's home page."""
    expected = "sv" if path.startswith("sv/") else "fi"
    page.goto(base_url + path)
    assert page.evaluate("document.documentElement.lang") == expected
    assert page.locator("h1").first.inner_text() == {"fi": "Sivua ei löytynyt", "sv": "Sidan hittades inte"}[expected]
    assert page.title().startswith({"fi": "Sivua ei löytynyt - ", "sv": "Sidan hittades inte - "}[expected])
    assert page.locator("header.md-header").evaluate("e => getComputedStyle(e).position") == "sticky"
    other = "fi" if expected == "sv" else "sv"
    href = page.locator(f'a.md-select__link[hreflang="{other}"]').get_attribute("href")
    assert href == {"fi": "/", "sv": "/sv/"}[other]


def test_abbreviation_expands_on_keyboard_focus(page, base_url, content):
    page.goto(base_url + "glossary/")
    abbr = page.locator(".md-typeset abbr[title]").first
    expansion = abbr.get_attribute("title")
    for _ in range(60):
        page.keyboard.press("Tab")
        if page.evaluate("() => document.activeElement.tagName") == "ABBR":
            break
    else:
        pytest.fail("no abbreviation could be reached with Tab")
    shown = page.evaluate("() => getComputedStyle(document.activeElement, '::after').content")
    assert shown.strip('"') == page.evaluate("() => document.activeElement.title")
    assert expansion
