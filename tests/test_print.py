"""Print in Chromium: each card comes out on two fold-over sheets and each handout on half
an A4 sheet, with nothing cut off."""
from __future__ import annotations

import math

import pytest

from .pdf import pdf_info, pdf_text, pdf_text_of_page

from macros.languages import PREFIX as LANGUAGES

OVERFLOWING_PANELS = """() => [...document.querySelectorAll('.kv-card__panel')]
  .filter(panel => panel.scrollHeight > panel.clientHeight + 1 || panel.scrollWidth > panel.clientWidth + 1)
  .map(panel => panel.closest('.kv-card').dataset.exercise + ' ' + panel.className.split('--')[1] +
       ' needs ' + panel.scrollHeight + 'px, has ' + panel.clientHeight + 'px')"""
SHEETS_PER_CARD = 2  # overview | steps, then say lines | debrief, remote variant, tips, traps


def clean(text: str) -> str:
    return " ".join(text.split())


def last_lines(exercise, lang: str) -> dict[str, str]:
    """The last text of each of a card's four panels, and its first say line and remote
    variant: if one is in the PDF, nothing before it was cut off."""
    say = next(s.say[lang] for s in exercise.steps if s.say)
    return {
        "front": exercise.not_when[-1][lang],
        "steps": exercise.steps[-1].do[lang],
        "say": say,
        "last say": [s.say[lang] for s in exercise.steps if s.say][-1],
        "remote": exercise.remote_variant[0][lang],
        "back": exercise.traps[-1][lang],
    }


def squeezed(text: str) -> str:
    """Without any whitespace: a line may break after a hyphen ("SBI-" / "mallissa")."""
    return "".join(text.split())


def missing_from(text: str, exercise, lang: str) -> list[str]:
    text = squeezed(text)
    return [f"{exercise.id}: {what}" for what, line in last_lines(exercise, lang).items() if squeezed(line) not in text]


def print_to_pdf(page, path):
    page.pdf(path=str(path), prefer_css_page_size=True, print_background=True)
    return pdf_info(path)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_cards_page_prints_one_landscape_sheet_per_exercise(page, base_url, exercises, lang, tmp_path):
    page.goto(base_url + LANGUAGES[lang] + "cards/")
    info = print_to_pdf(page, tmp_path / "cards.pdf")
    assert info == {"pages": SHEETS_PER_CARD * len(exercises), "landscape": True}
    text = pdf_text(tmp_path / "cards.pdf")
    missing = [e.title[lang] for e in exercises.values() if e.title[lang] not in text]
    assert not missing, f"titles missing from the printed deck: {missing}"
    # Every card carries its say lines and remote variant, and the last line of each panel.
    cut = [line for e in exercises.values() for line in missing_from(text, e, lang)]
    assert not cut, f"not on the printed cards: {cut}"


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
    assert info == {"pages": SHEETS_PER_CARD, "landscape": True}
    text = pdf_text(tmp_path / "card.pdf")
    assert exercise.title[lang] in text and exercise.steps[-1].title[lang] in text
    assert missing_from(text, exercise, lang) == []
    # The say lines and the remote variant are on the second sheet, under their labels.
    second = clean(pdf_text_of_page(tmp_path / "card.pdf", 2))
    say_label = {"fi": "Sano:", "sv": "Säg:"}[lang]
    remote_label = {"fi": "Etätoteutus", "sv": "På distans"}[lang]
    assert say_label in second and remote_label in second


HANDOUT_BUTTON = {"fi": "Tulosta roolikortit ja tapaukset", "sv": "Skriv ut rollkort och fall"}
OVERFLOWING_HANDOUTS = """() => [...document.querySelectorAll('.kv-handout')]
  .filter(h => h.scrollHeight > h.clientHeight + 1 || h.scrollWidth > h.clientWidth + 1)
  .map(h => h.querySelector('h3').textContent + ' needs ' + h.scrollHeight + 'px, has ' + h.clientHeight + 'px')"""


@pytest.mark.parametrize("lang", LANGUAGES)
def test_handouts_print_alone_two_per_sheet_with_nothing_cut_off(browser, base_url, exercises, lang, tmp_path):
    """Every exercise with handouts: its button prints them alone on A4 portrait sheets,
    two per sheet, each naming its exercise, with every title, role and last line on paper."""
    with_handouts = [e for e in exercises.values() if e.handouts]
    assert len(with_handouts) >= 7
    for exercise in with_handouts:
        page = browser.new_page()  # a fresh page: the class the button sets is removed after printing
        page.goto(base_url + LANGUAGES[lang] + f"exercises/{exercise.id}/")
        page.evaluate("() => { window.print = () => {}; }")
        page.get_by_role("button", name=HANDOUT_BUTTON[lang]).first.click()
        pdf = tmp_path / f"{exercise.id}.pdf"
        info = print_to_pdf(page, pdf)
        count = len(exercise.handouts)
        assert info == {"pages": math.ceil(count / 2), "landscape": False}, exercise.id
        kicker = exercise.title[lang].upper()
        per_sheet = [clean(pdf_text_of_page(pdf, n)).count(kicker) for n in range(1, info["pages"] + 1)]
        assert per_sheet == [2] * (count // 2) + [1] * (count % 2), f"{exercise.id}: handouts per sheet {per_sheet}"
        text = pdf_text(pdf)
        assert {"fi": "Tulosta harjoituskortti", "sv": "Skriv ut övningskortet"}[lang] not in text, "page content printed"
        text = squeezed(text)
        for h in exercise.handouts:
            last = (h.prompts or h.paragraphs)[-1][lang]
            for line in (h.title[lang], h.for_role[lang] if h.for_role else "", last):
                assert squeezed(line) in text, f"{exercise.id}: not on paper: {line}"
        page.evaluate("() => document.documentElement.classList.add('kv-printing-handouts')")
        page.emulate_media(media="print")
        assert page.evaluate(OVERFLOWING_HANDOUTS) == [], exercise.id
        page.close()


def test_handouts_section_is_linkable_and_only_where_there_are_handouts(site, exercises):
    """The run sheet links to exercises/<id>/#handouts: the anchor exists exactly where
    an exercise has handouts, in every language."""
    for lang, prefix in LANGUAGES.items():
        for exercise in exercises.values():
            html = (site / prefix / "exercises" / exercise.id / "index.html").read_text(encoding="utf-8")
            assert ('id="handouts"' in html) == bool(exercise.handouts), f"{lang} {exercise.id}"
            assert html.count('class="kv-handout ') == len(exercise.handouts)


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
