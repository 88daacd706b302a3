"""Print in Chromium: cards come out one fold-over sheet each, with nothing cut off."""
from __future__ import annotations

import pytest

from .pdf import pdf_info, pdf_text

LANGUAGES = {"fi": "", "sv": "sv/"}

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
