"""Print in Chromium: cards come out one fold-over sheet each, with nothing cut off."""
from __future__ import annotations

import pytest

from .pdf import pdf_info, pdf_text, pdf_text_of_page

from macros.languages import PREFIX as LANGUAGES

OVERFLOWING_PANELS = """() => [...document.querySelectorAll('.kv-card__panel')]
  .filter(panel => panel.scrollHeight > panel.clientHeight + 1 || panel.scrollWidth > panel.clientWidth + 1)
  .map(panel => panel.closest('.kv-card').dataset.exercise + ' ' +
       (panel.classList.contains('kv-card__panel--front') ? 'front' : 'back') +
       ' needs ' + panel.scrollHeight + 'px, has ' + panel.clientHeight + 'px')"""


def print_to_pdf(page, path):
    page.pdf(path=str(path), prefer_css_page_size=True, print_background=True)
    return pdf_info(path)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_cards_page_prints_one_landscape_sheet_per_exercise(page, base_url, exercises, lang, tmp_path):
    page.goto(base_url + LANGUAGES[lang] + "cards/")
    info = print_to_pdf(page, tmp_path / "cards.pdf")
    assert info == {"pages": len(exercises), "landscape": True}
    text = pdf_text(tmp_path / "cards.pdf")
    missing = [e.title[lang] for e in exercises.values() if e.title[lang] not in text]
    assert not missing, f"titles missing from the printed deck: {missing}"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_no_card_panel_overflows_on_paper(page, base_url, lang):
    page.emulate_media(media="print")
    page.goto(base_url + LANGUAGES[lang] + "cards/")
    assert page.evaluate(OVERFLOWING_PANELS) == []


@pytest.mark.parametrize("lang", LANGUAGES)
def test_exercise_page_button_prints_its_card_alone(page, base_url, exercises, lang, tmp_path):
    exercise = sorted(exercises.values(), key=lambda e: e.id)[0]
    page.goto(base_url + LANGUAGES[lang] + f"exercises/{exercise.id}/")
    page.evaluate("() => { window.print = () => {}; }")  # headless has no print dialog
    button = page.get_by_role("button", name={"fi": "Tulosta harjoituskortti", "sv": "Skriv ut övningskortet"}[lang])
    button.click()
    info = print_to_pdf(page, tmp_path / "card.pdf")
    assert info == {"pages": 1, "landscape": True}
    text = pdf_text(tmp_path / "card.pdf")
    assert exercise.title[lang] in text and exercise.steps[-1].title[lang] in text


@pytest.mark.parametrize("lang", LANGUAGES)
def test_exercise_page_prints_as_a_document_without_the_card(page, base_url, exercises, lang, tmp_path):
    exercise = sorted(exercises.values(), key=lambda e: e.id)[0]
    page.goto(base_url + LANGUAGES[lang] + f"exercises/{exercise.id}/")
    info = print_to_pdf(page, tmp_path / "page.pdf")
    assert not info["landscape"]
    text = pdf_text(tmp_path / "page.pdf").lower()
    assert {"fi": "harjoituskortti", "sv": "övningskort"}[lang] not in text
    assert {"fi": "purkukysymykset", "sv": "reflektionsfrågor"}[lang] in text


CHROME = ".md-header, .md-tabs, .md-sidebar, .md-footer, .md-search, .md-top"
VISIBLE_CHROME = f"""() => [...document.querySelectorAll('{CHROME}')]
  .filter(el => getComputedStyle(el).display !== 'none' && el.getBoundingClientRect().height > 0)
  .map(el => el.className)"""


def first_page(section: str) -> str:
    from .site_pages import DOCS, page_path

    files = sorted(p for p in (DOCS / "fi" / section).rglob("*.md") if p.name != "index.md")
    return page_path("fi", files[0]) if files else page_path("fi", DOCS / "fi" / section / "index.md")


PAGE_TYPES = {
    "home": "",
    "catalog": "exercises/",
    "exercise": first_page("exercises"),
    "guide": first_page("guides"),
    "template": first_page("templates"),
    "self-study": first_page("self-study"),
    "programmes": "programmes/",
    "not-found": "404.html",
}


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("kind", PAGE_TYPES)
def test_every_page_type_prints_without_chrome_or_blank_pages(page, base_url, lang, kind, tmp_path):
    page.goto(base_url + LANGUAGES[lang] + PAGE_TYPES[kind])
    pdf = tmp_path / "page.pdf"
    info = print_to_pdf(page, pdf)
    page.emulate_media(media="print")
    assert page.evaluate(VISIBLE_CHROME) == [], "site chrome shows on paper"
    last = pdf_text_of_page(pdf, info["pages"])
    assert last.strip(), f"the last of {info['pages']} sheets is blank"


def test_collapsed_and_tabbed_content_is_printed(page, base_url, site, tmp_path):
    """Text hidden behind <details> or inactive tabs on screen is on paper."""
    from .site_pages import all_page_paths

    candidates = [p for p in all_page_paths() if not p.endswith(".html")]
    checked = 0
    for path in candidates:
        html = (site / path / "index.html").read_text(encoding="utf-8")
        if "tabbed-set" not in html and "<details" not in html:
            continue
        page.goto(base_url + path)
        hidden_texts = page.evaluate(
            """() => [...document.querySelectorAll('.tabbed-block, details > :not(summary)')]
                .map(el => el.innerText.trim().split('\\n')[0]).filter(t => t.length > 15)"""
        )
        pdf = tmp_path / "tabs.pdf"
        print_to_pdf(page, pdf)
        text = " ".join(pdf_text(pdf).split())
        missing = [t for t in hidden_texts if " ".join(t.split())[:40] not in text]
        assert not missing, f"{path}: not printed: {missing}"
        checked += 1
    assert checked, "no page with tabs or details to check"
