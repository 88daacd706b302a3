"""Phones: no page scrolls sideways at 320 or 375 px (WCAG 1.4.10 Reflow), and the
site's own tap targets are at least 24 x 24 px (WCAG 2.5.8), in Debian's chromium.

Every page of both languages is checked at both widths in one reused browser page.
A table wider than the screen may scroll inside its own box (Material's
.md-typeset__scrollwrap, our .kv-table-scroll); such a box must be a named region
that Tab can reach (site.js). The catalog and glossary read as blocks on a phone."""
from __future__ import annotations

import re

import pytest

from .site_pages import DOCS, all_page_paths, page_path

pytestmark = pytest.mark.browser

PAGES = all_page_paths()
WIDTHS = (320, 375)
MIN_TARGET = 24

# The search index and its worker do nothing for layout; skipping them halves the load time.
NOT_FOR_LAYOUT = re.compile(r"/search/search_index\.json$|/workers/")

# Material wraps Markdown tables in its scroll box on DOMContentLoaded; wait for that.
TABLES_WRAPPED = """() => document.readyState === "complete" &&
  [...document.querySelectorAll(".md-typeset table:not([class])")]
    .every(table => table.closest(".md-typeset__scrollwrap"))"""

# One pass over the page's content after layout: what sticks out of the screen without a
# box to scroll it into view, which sideways-scrolling boxes Tab cannot reach or that have
# no name, and which of the site's own tap targets are smaller than 24 x 24 px.
MEASURE = """async min => {
  // Two frames: layout for the new width is done, and so are site.js's ResizeObserver callbacks.
  await new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)));
  const vw = window.innerWidth;
  const content = document.querySelector(".md-content");
  const describe = el => el.tagName.toLowerCase() + (el.id ? "#" + el.id : "")
    + (typeof el.className === "string" && el.className ? "." + el.className.trim().split(/\\s+/).join(".") : "")
    + (el.textContent.trim() ? ' "' + el.textContent.trim().replace(/\\s+/g, " ").slice(0, 40) + '"' : "");
  const scrollsSideways = el => el.scrollWidth > el.clientWidth + 1 && /auto|scroll/.test(getComputedStyle(el).overflowX);
  const clipped = [];
  for (const el of content.querySelectorAll("*")) {
    const r = el.getBoundingClientRect();
    if (r.width < 2 || r.height < 2 || (r.right <= vw + 1 && r.left >= -1)) continue;
    let box = el.parentElement, hidden = false;
    while (box && box !== document.body && !/auto|scroll/.test(getComputedStyle(box).overflowX)) {
      const b = box.getBoundingClientRect();  // inside a visually hidden 1 px box (a table head read aloud only)
      if ((b.width < 2 || b.height < 2) && getComputedStyle(box).overflow !== "visible") { hidden = true; break; }
      box = box.parentElement;
    }
    if (!hidden && (!box || box === document.body)) clipped.push(describe(el) + " spans x " + Math.round(r.left) + ".." + Math.round(r.right));
  }
  const unreachable = [];
  for (const box of content.querySelectorAll("*")) {
    if (box.matches(".tabbed-labels") || !scrollsSideways(box)) continue;  // Material's tabs have their own buttons
    const named = box.getAttribute("role") === "region" && (box.getAttribute("aria-label") || "").trim();
    const isTable = box.matches(".md-typeset__scrollwrap, .kv-table-scroll");
    if (box.tabIndex < 0 || (isTable && !named)) unreachable.push(describe(box));
  }
  const targets = content.querySelectorAll(
    "table a, .task-list-control, .kv-filters select, .kv-filters input, .kv-filters button, .md-button");
  const small = [];
  for (const el of targets) {
    const rects = [...el.getClientRects()];
    if (!rects.length) continue;  // not shown
    const union = el.getBoundingClientRect();
    const height = Math.min(...rects.map(r => r.height));
    if (height < min - 0.01 || union.width < min - 0.01)
      small.push(describe(el) + " " + union.width.toFixed(1) + " x " + height.toFixed(1));
  }
  return {
    width: vw,
    lang: document.documentElement.lang,
    h1: !!content.querySelector("h1"),
    scrollWidth: document.documentElement.scrollWidth,
    clipped: clipped.slice(0, 5),
    unreachable,
    small: small.slice(0, 5),
  };
}"""


@pytest.fixture(scope="module")
def phone(browser):
    """One browser page, reused for every page of the site."""
    context = browser.new_context(viewport={"width": WIDTHS[0], "height": 800})
    context.route(NOT_FOR_LAYOUT, lambda route: route.abort())
    yield context.new_page()
    context.close()


@pytest.mark.parametrize("path", PAGES)
def test_page_does_not_scroll_sideways(phone, base_url, path):
    """Each page is loaded at one width and then turned to the other (as a phone turns);
    which width it loads at alternates from page to page, so both are tested both ways."""
    page = phone
    widths = WIDTHS if PAGES.index(path) % 2 == 0 else WIDTHS[::-1]
    page.set_viewport_size({"width": widths[0], "height": 800})
    response = page.goto(base_url + path, wait_until="load")
    assert response and response.ok, f"{path}: HTTP {response and response.status}"
    if not page.evaluate(TABLES_WRAPPED):
        page.wait_for_function(TABLES_WRAPPED)
    for width in widths:
        page.set_viewport_size({"width": width, "height": 800})
        m = page.evaluate(MEASURE, MIN_TARGET)
        # First prove that the page is there, in its language, on a phone-wide screen.
        assert m["width"] == width, f"{path}: the viewport is {m['width']} px, not {width}"
        assert m["lang"] == ("sv" if path.startswith("sv/") else "fi") and m["h1"], f"{path}: not loaded ({m['lang']}, h1: {m['h1']})"
        assert m["scrollWidth"] <= width, f"{path} at {width} px: the page is {m['scrollWidth']} px wide and scrolls sideways: {m['clipped']}"
        assert m["clipped"] == [], f"{path} at {width} px: cut off, with no box to scroll it into view"
        assert m["unreachable"] == [], f"{path} at {width} px: scrolls sideways but is not a named region Tab can reach"
        assert m["small"] == [], f"{path} at {width} px: tap targets smaller than {MIN_TARGET} x {MIN_TARGET} px"


def test_a_box_that_scrolls_is_a_named_region_only_while_it_scrolls(browser, base_url):
    """A Markdown table wider than a phone scrolls in Material's box; site.js names it
    after the heading above it and makes it a tab stop, and undoes that when it fits."""
    context = browser.new_context(viewport={"width": 320, "height": 800})
    try:
        page = context.new_page()
        page.goto(base_url + "self-study/development-discussions/two-discussions/")
        page.wait_for_function(TABLES_WRAPPED)
        box = page.locator(".md-typeset__scrollwrap").first
        assert box.evaluate("b => b.scrollWidth > b.clientWidth"), "the table was expected to be wider than 320 px"
        assert box.get_attribute("tabindex") == "0" and box.get_attribute("role") == "region"
        name = box.get_attribute("aria-label")
        headings = page.locator(".md-content h2, .md-content h3").evaluate_all(
            "hs => hs.map(h => h.firstChild.textContent.trim())")
        assert name in headings, f"region named {name!r}, not after a heading: {headings}"
        box.focus()
        page.keyboard.press("ArrowRight")
        page.wait_for_function("b => b.scrollLeft > 0", arg=box.element_handle())
        page.set_viewport_size({"width": 1900, "height": 800})
        page.wait_for_function("b => !b.hasAttribute('tabindex') && !b.hasAttribute('role')", arg=box.element_handle())
    finally:
        context.close()


def _lesson_with_tasks() -> str:
    lesson = next(md for md in sorted((DOCS / "fi" / "self-study").rglob("*.md")) if "- [ ] " in md.read_text(encoding="utf-8"))
    return page_path("fi", lesson)


@pytest.mark.parametrize("lang", ["fi", "sv"])
def test_a_task_is_ticked_from_its_44_px_box_or_its_text_and_stays_ticked(browser, base_url, lang):
    context = browser.new_context(viewport={"width": 320, "height": 800}, has_touch=True)
    try:
        page = context.new_page()
        path = ("sv/" if lang == "sv" else "") + _lesson_with_tasks()
        page.goto(base_url + path)
        page.locator(".kv-task").first.wait_for(state="attached")  # learning.js has made the text a label
        item = page.locator(".md-typeset .task-list-item").first
        box = item.locator("input[type=checkbox]")
        assert box.count() == 1 and not box.is_checked(), f"{path}: the first task should start unticked"

        # The tick box is 44 x 44 px (learning.js, site.css), corner included.
        size = box.bounding_box()
        assert size["width"] >= 44 and size["height"] >= 44, f"{path}: tick target {size}"
        box.tap(position={"x": 1.5, "y": 1.5})
        assert box.is_checked(), f"{path}: a tap in the corner of the tick target did not tick it"

        # A tap on the task's text (well right of the box) unticks and ticks it again.
        text = item.bounding_box()
        assert text["width"] > 150, f"{path}: the task's text is not laid out ({text})"
        item.tap(position={"x": text["width"] - 20, "y": 8})
        assert not box.is_checked(), f"{path}: a tap on the task's text did not untick it"
        item.tap(position={"x": text["width"] - 20, "y": 8})
        assert box.is_checked(), f"{path}: a tap on the task's text did not tick it"

        # Kept on this device: still ticked after a reload.
        page.reload()
        assert page.locator(".md-typeset .task-list-item").first.locator("input[type=checkbox]").is_checked(), \
            f"{path}: the tick was not kept after a reload"
    finally:
        context.close()

