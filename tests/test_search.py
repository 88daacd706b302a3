"""Search speaks the reader's language: Finnish pages find Finnish pages, Swedish
pages Swedish ones, and inflected words find their base word."""
from __future__ import annotations

from urllib.parse import urlsplit

import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeout

from macros.languages import PREFIX

HOME = PREFIX
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


# Material's count line once a query has run on the loaded index: "N täsmäävää
# dokumenttia" / "N sökresultat", or its "nothing found" text.
FINISHED_COUNT = r"^(\d+|Ei täsmääviä|Inga sökresultat)"
# Material's worker answers its set-up message with {type: 1} once the index is
# built. A query typed before that briefly shows "nothing found" and then the real
# results, so the tests watch for that message (without changing the site).
WATCH_SEARCH_WORKER = """
const NativeWorker = window.Worker;
window.Worker = class extends NativeWorker {
  constructor(...args) {
    super(...args);
    this.addEventListener("message", event => {
      if (event.data && event.data.type === 1) window.kvSearchReady = true;
    });
  }
};
"""


def wait_for_the_listed_results(page, count_line: str) -> None:
    """Material renders the list in pages of ten just after the count line."""
    count = int(count_line.split()[0]) if count_line[0].isdigit() else 0
    if count:
        page.wait_for_function(
            "n => document.querySelectorAll('.md-search-result__item').length >= n",
            arg=min(count, 10), timeout=60000,
        )


def search(page, base_url, lang, query):
    """Type a query once the index is loaded and return the results once the search
    has run: the count line must report it, and the list must show what it counts."""
    page.add_init_script(WATCH_SEARCH_WORKER)
    page.goto(base_url + HOME[lang])
    page.locator(".md-search__input").focus()
    page.wait_for_function("() => window.kvSearchReady === true", timeout=60000)
    # Material reads the field on keyup. Filling it whole and then pressing End sends
    # exactly one query, so the count line cannot belong to a half-typed word.
    page.locator(".md-search__input").fill(query)
    page.locator(".md-search__input").press("End")
    try:
        meta = page.wait_for_function(
            """pattern => {
                const meta = document.querySelector('.md-search-result__meta');
                const text = meta ? meta.textContent.trim() : '';
                return new RegExp(pattern).test(text) && text;
            }""",
            arg=FINISHED_COUNT,
            timeout=60000,
        ).json_value()
    except PlaywrightTimeout:
        state = page.evaluate(
            "() => [document.querySelector('.md-search-result__meta')?.textContent.trim(),"
            " document.querySelector('.md-search__input').value, document.activeElement.className]")
        pytest.fail(f"'{query}': the search did not report a count in 60 s; count line, field, focus: {state}")
    wait_for_the_listed_results(page, meta)
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


@pytest.mark.parametrize("lang", HOME)
def test_index_loads_when_the_reader_starts_to_search_and_the_first_keystroke_counts(page, base_url, lang):
    index_requests = []
    page.on("request", lambda request: index_requests.append(request.url) if "search_index" in request.url else None)
    page.goto(base_url + HOME[lang], wait_until="load")
    # Proof that the page is ready to search: the field is there and the bundle ran.
    page.wait_for_selector(".md-search__input")
    page.wait_for_function("() => document.documentElement.classList.contains('js')")
    assert index_requests == [], "the index was downloaded before anyone searched"
    # A word typed straight away, while the index is still on its way, is answered.
    page.locator(".md-search__input").focus()
    page.keyboard.type({"fi": "kuuntelu", "sv": "lyssna"}[lang])
    page.wait_for_function(
        "() => /^[1-9]/.test(document.querySelector('.md-search-result__meta').textContent.trim())",
        timeout=60000,
    )
    assert len(index_requests) == 1 and index_requests[0].endswith(
        {"fi": "/search/search_index.json", "sv": "/sv/search/search_index.json"}[lang])


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


# Many queries on one loaded page, one after another (tests/test_search_quality.py).
# The worker's result messages ({type: 3}) are counted, and the count line is blanked
# before each query, so a query is done when a new result has come and the count
# line has been written again: never the line of the query before.
WATCH_SEARCH_RESULTS = WATCH_SEARCH_WORKER + """
window.kvSearchResults = 0;
const CountingWorker = window.Worker;
window.Worker = class extends CountingWorker {
  constructor(...args) {
    super(...args);
    this.addEventListener("message", event => {
      if (event.data && event.data.type === 3) window.kvSearchResults += 1;
    });
  }
};
"""


def open_search(page, base_url, lang):
    """Load a language's home page and wait until its search index is built."""
    page.add_init_script(WATCH_SEARCH_RESULTS)
    page.goto(base_url + HOME[lang])
    page.locator(".md-search__input").focus()
    page.wait_for_function("() => window.kvSearchReady === true", timeout=60000)


def next_search(page, query):
    """Run one more query on a page prepared by open_search(); return its results."""
    before = page.evaluate(
        "() => { const m = document.querySelector('.md-search-result__meta'); if (m) m.textContent = '';"
        " return window.kvSearchResults; }")
    field = page.locator(".md-search__input")
    field.fill(query)
    field.press("End")
    try:
        meta = page.wait_for_function(
            """([pattern, before]) => {
                if (window.kvSearchResults <= before) return false;
                const meta = document.querySelector('.md-search-result__meta');
                const text = meta ? meta.textContent.trim() : '';
                return new RegExp(pattern).test(text) && text;
            }""",
            arg=[FINISHED_COUNT, before],
            timeout=60000,
        ).json_value()
    except PlaywrightTimeout:
        pytest.fail(f"'{query}': the search did not report a count in 60 s")
    wait_for_the_listed_results(page, meta)
    return page.evaluate(
        """() => [...document.querySelectorAll('.md-search-result__item')].map(item => ({
            href: item.querySelector('a').href, text: item.innerText}))""")


def every_page_of(site, lang):
    """URL paths of every built page of one language, but its site map."""
    root = site / HOME[lang]
    paths = set()
    for html in root.rglob("index.html"):
        path = html.parent.relative_to(root).as_posix()
        path = "" if path == "." else path + "/"
        if lang == "fi" and path.startswith("sv/") or path == "site-map/":
            continue
        paths.add("/" + HOME[lang] + path)
    return paths


@pytest.mark.parametrize("width", [1280, 375])
@pytest.mark.parametrize("lang", HOME)
def test_without_javascript_the_search_button_leads_to_a_list_of_every_page(browser, base_url, site, lang, width):
    context = browser.new_context(java_script_enabled=False, viewport={"width": width, "height": 900})
    page = context.new_page()
    try:
        page.goto(base_url + HOME[lang] + "guides/feedback/")
        assert not page.locator(".md-search").is_visible()  # Material's search needs JavaScript
        button = page.locator("a.kv-search-site-map")
        assert button.is_visible(), "no search button without JavaScript"
        assert button.get_attribute("aria-label") == {"fi": "Sivukartta: kaikki sivut", "sv": "Webbplatskarta: alla sidor"}[lang]
        button.click()
        page.wait_for_url(base_url + HOME[lang] + "site-map/")
        listed = page.eval_on_selector_all(".kv-site-map a", "links => links.map(a => a.href)")
    finally:
        context.close()
    paths = {urlsplit(href).path for href in listed}
    assert len(paths) == len(listed), "a page is listed twice"
    assert paths == every_page_of(site, lang), (
        f"missing: {sorted(every_page_of(site, lang) - paths)}, not pages of this language: {sorted(paths - every_page_of(site, lang))}")
