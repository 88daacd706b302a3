"""The discussion templates' forms (forms/<id>.yml, forms.js): one source checked at
build time, and in Chromium, in both languages, what a person does with a form:
fill in and find it after a reload, print it, export it to Word and to a file that
imports back, clear it, and keep working when the browser refuses storage."""
from __future__ import annotations

import json
import re
import shutil
import xml.etree.ElementTree as ET
import zipfile
from pathlib import Path

import pytest
import yaml

from macros.content import load_content
from macros.errors import ContentError
from macros.languages import PREFIX as LANGUAGES

from .pdf import pdf_info, pdf_text
from .test_authoring_errors import FIXTURES, ROOT, make_project

FORMS = ROOT / "forms"
LABELS = {lang: yaml.safe_load((ROOT / "macros" / "labels" / "js" / f"forms.{lang}.yml").read_text(encoding="utf-8"))
          for lang in LANGUAGES}
PAGE_LABELS = {lang: yaml.safe_load((ROOT / "macros" / "labels" / f"{lang}.yml").read_text(encoding="utf-8"))["forms"]
               for lang in LANGUAGES}
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
DECEMBER = "december-appraisal-talk"
GOALS = "goals-talk"
LONG = {
    "fi": " ".join(f"Lause {n}: ratkaisin syksyllä laajan asian ennen määräaikaa." for n in range(1, 40)) + " LOPPU",
    "sv": " ".join(f"Mening {n}: jag avgjorde ett omfattande ärende före tidsfristen." for n in range(1, 40)) + " SLUT",
}


# ---- One source, checked at build time ----------------------------------------------

def project_with_form(tmp_path: Path) -> Path:
    root = make_project(tmp_path)
    (root / "forms").mkdir()
    shutil.copy(FIXTURES / "forms" / "sample-form.yml", root / "forms")
    for lang, title in (("fi", "Näytepohja"), ("sv", "Exempelmall")):
        page = root / "docs" / lang / "templates" / "sample-form.md"
        page.parent.mkdir(parents=True, exist_ok=True)
        page.write_text(f"---\nupdated: 2026-11-27\n---\n# {title}\n\n{{{{ template_form(\"sample-form\") }}}}\n", encoding="utf-8")
    return root


def edit_form(root: Path, change) -> None:
    file = root / "forms" / "sample-form.yml"
    data = yaml.safe_load(file.read_text(encoding="utf-8"))
    change(data)
    file.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")


def problems_of(root: Path) -> list[str]:
    with pytest.raises(ContentError) as raised:
        load_content(root)
    return raised.value.problems


def test_the_sample_form_loads(tmp_path):
    content = load_content(project_with_form(tmp_path))
    assert [f.id for f in content.forms["sample-form"].fields()] == ["proud", "topic", "load", "goals", "next"]


def test_a_missing_translation_names_file_field_and_language(tmp_path):
    root = project_with_form(tmp_path)
    edit_form(root, lambda d: d["parts"][0]["sections"][0]["fields"][0]["label"].pop("sv"))
    assert problems_of(root) == [
        "forms/sample-form.yml: parts[employee].sections[year].fields[proud].label [sv]: the Swedish text is missing"
    ]


def test_a_missing_translation_in_a_rating_scale_is_found_too(tmp_path):
    root = project_with_form(tmp_path)
    edit_form(root, lambda d: d["parts"][0]["sections"][0]["fields"][2]["scale"]["high"].pop("fi"))
    assert problems_of(root) == [
        "forms/sample-form.yml: parts[employee].sections[year].fields[load].scale.high [fi]: the Finnish text is missing"
    ]


def test_a_bad_field_type_names_the_field_and_the_types(tmp_path):
    root = project_with_form(tmp_path)
    edit_form(root, lambda d: d["parts"][1]["sections"][0]["fields"][1].update(type="slider"))
    assert problems_of(root) == [
        "forms/sample-form.yml: parts[talk].sections[agreed].fields[next]: unknown field type 'slider' "
        "(the types are: text, textarea, date, rating, goals)"
    ]


def test_markup_in_a_label_is_refused(tmp_path):
    root = project_with_form(tmp_path)
    edit_form(root, lambda d: d["parts"][0]["sections"][0]["fields"][1]["label"].update(fi="Aihe <b>tärkeä</b>"))
    [problem] = problems_of(root)
    assert problem.startswith("forms/sample-form.yml: parts[employee].sections[year].fields[topic].label [fi]: plain text only")


def test_a_reused_field_id_is_refused(tmp_path):
    root = project_with_form(tmp_path)
    edit_form(root, lambda d: d["parts"][1]["sections"][0]["fields"][1].update(id="proud"))
    assert problems_of(root) == [
        "forms/sample-form.yml: (file): the field id 'proud' is used twice; each field needs its own id"
    ]


def test_a_page_that_calls_an_unknown_form_is_listed(tmp_path):
    root = project_with_form(tmp_path)
    page = root / "docs" / "sv" / "templates" / "sample-form.md"
    page.write_text("---\nupdated: 2026-11-27\n---\n# Exempelmall\n\n{{ template_form(\"no-such-form\") }}\n", encoding="utf-8")
    assert "docs/sv/templates/sample-form.md: template_form [sv]: no form forms/no-such-form.yml" in problems_of(root)


def test_every_template_page_shows_its_form_and_every_form_has_its_page():
    forms = {f.stem for f in FORMS.glob("*.yml")}
    for lang in LANGUAGES:
        pages = {p.stem for p in (ROOT / "docs" / lang / "templates").glob("*.md") if p.stem != "index"}
        assert pages == forms
        for page in pages:
            text = (ROOT / "docs" / lang / "templates" / f"{page}.md").read_text(encoding="utf-8")
            assert f'{{{{ template_form("{page}") }}}}' in text, page
            assert "|---|" not in text, f"{page} [{lang}]: a hand-written notes table the form replaces"


def test_the_december_form_covers_what_the_appraisal_talk_asks(content):
    form = content.forms[DECEMBER]
    ids = {f.id for f in form.fields()}
    for factor in ("ammatinhallinta", "aikaansaavuus", "yhteistyo"):
        assert {f"employee-{factor}", f"supervisor-{factor}", f"talk-{factor}"} <= ids
    assert [p.id for p in form.parts] == ["employee", "supervisor", "talk"]
    assert any(f.type == "rating" for f in form.fields())
    assert [f for f in content.forms[GOALS].fields() if f.type == "goals" and (f.min, f.max) == (3, 5)]


# ---- In the browser ---------------------------------------------------------------

def url_of(base_url, lang, template):
    return f"{base_url}{LANGUAGES[lang]}templates/{template}/"


def open_form(page, base_url, lang, template=DECEMBER):
    page.goto(url_of(base_url, lang, template))
    page.wait_for_selector("html.kv-forms-ready")


def status(page):
    return page.locator(".kv-form__status")


def saved_pattern(lang):
    return re.compile(re.escape(LABELS[lang]["saved"]).replace("%time", r"\d{1,2}\.\d{2}"))


@pytest.fixture
def context(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, accept_downloads=True)
    yield context
    context.close()


@pytest.mark.parametrize("lang", LANGUAGES)
def test_typed_answers_are_saved_on_the_device_and_found_after_a_reload(context, base_url, lang):
    page = context.new_page()
    requests = []
    page.on("request", lambda request: requests.append(request.url))
    open_form(page, base_url, lang)
    page.get_by_label("Ammatinhallinta" if lang == "fi" else "Yrkeskunnande").first.fill("Oma esimerkki <b>ei muotoilua</b>")
    page.locator("#kv-f-employee-load-4").check()
    from playwright.sync_api import expect
    expect(status(page)).to_have_text(saved_pattern(lang))
    assert status(page).get_attribute("role") == "status"
    page.reload()
    page.wait_for_selector("html.kv-forms-ready")
    expect(page.locator("#kv-f-employee-ammatinhallinta")).to_have_value("Oma esimerkki <b>ei muotoilua</b>")
    expect(page.locator("#kv-f-employee-load-4")).to_be_checked()
    expect(status(page)).to_have_text(LABELS[lang]["restored"])
    # Nothing typed leaves the device.
    assert all(url.startswith(base_url) for url in requests), [u for u in requests if not u.startswith(base_url)]
    assert not [url for url in requests if "esimerkki" in url.lower()]


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_printed_form_has_long_answers_in_full_and_lines_for_empty_ones(context, base_url, lang, tmp_path):
    page = context.new_page()
    open_form(page, base_url, lang)
    page.locator("#kv-f-employee-goals").fill(LONG[lang])
    page.emulate_media(media="print")
    lines = page.evaluate("""() => {
      const visible = (el) => el.getClientRects().length > 0;
      const empty = document.querySelector('[data-kv-copy="employee-proud"]');
      const filled = document.querySelector('[data-kv-copy="employee-goals"]');
      const gaps = [...empty.querySelectorAll('.kv-paper__line')].map(l => l.getBoundingClientRect().height);
      return {gaps, filledLines: [...filled.querySelectorAll('.kv-paper__line')].filter(visible).length,
              textareas: [...document.querySelectorAll('.kv-form textarea')].filter(visible).length,
              nav: [...document.querySelectorAll('.md-header, .md-sidebar, .md-footer')].filter(visible).length};
    }""")
    mm8 = 8 * 96 / 25.4
    assert len(lines["gaps"]) >= 3 and min(lines["gaps"]) >= mm8, lines
    assert lines["filledLines"] == 0 and lines["textareas"] == 0 and lines["nav"] == 0, lines
    pdf = tmp_path / "form.pdf"
    page.pdf(path=str(pdf), prefer_css_page_size=True)
    assert not pdf_info(pdf)["landscape"]
    text = pdf_text(pdf)
    assert " ".join(LONG[lang].split()) in text, "the long answer is cut off on paper"
    assert PAGE_LABELS[lang]["export_docx"] not in text  # no buttons on paper
    assert {"fi": "Sisällysluettelo", "sv": "Innehåll"}[lang] not in text  # no site navigation


def docx_paragraphs(path: Path) -> list[tuple[str, str]]:
    with zipfile.ZipFile(path) as docx:
        assert docx.testzip() is None
        assert "[Content_Types].xml" in docx.namelist()
        root = ET.fromstring(docx.read("word/document.xml"))
    shown = []
    for paragraph in root.iter(W + "p"):
        style = paragraph.find(f"{W}pPr/{W}pStyle")
        text = "".join(t.text or "" for t in paragraph.iter(W + "t"))
        shown.append((style.get(W + "val") if style is not None else "", text))
    return shown


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_word_export_has_the_headings_the_answers_and_a_goals_table(context, base_url, content, lang, tmp_path):
    page = context.new_page()
    open_form(page, base_url, lang, GOALS)
    page.locator("#kv-f-employee-unit-goals").fill(LONG[lang])
    page.locator("#kv-f-talk-goals-1-what").fill("Perustelujen kaksi lukua & <liite>")
    page.locator("#kv-f-talk-goals-1-date").fill("2027-04-15")
    with page.expect_download() as download:
        page.get_by_role("button", name=PAGE_LABELS[lang]["export_docx"]).click()
    assert download.value.suggested_filename.endswith(".docx")
    path = tmp_path / "form.docx"
    download.value.save_as(path)
    paragraphs = docx_paragraphs(path)
    form = content.forms[GOALS]
    assert paragraphs[0] == ("Title", page.locator("h1").evaluate("h => h.firstChild.textContent.trim()"))
    assert ("Heading1", form.parts[0].title[lang]) in paragraphs
    assert ("Heading3", form.fields()[0].label[lang]) in paragraphs
    assert ("", LONG[lang]) in paragraphs
    assert ("", "Perustelujen kaksi lukua & <liite>") in paragraphs  # in a table cell, as text
    assert ("", "15.4.2027") in paragraphs
    with zipfile.ZipFile(path) as docx:
        assert b"<w:tbl>" in docx.read("word/document.xml")


def export_backup(page, lang, tmp_path) -> Path:
    with page.expect_download() as download:
        page.get_by_role("button", name=PAGE_LABELS[lang]["export_file"]).click()
    path = tmp_path / download.value.suggested_filename
    download.value.save_as(path)
    return path


@pytest.mark.parametrize("lang", LANGUAGES)
def test_an_exported_file_imports_back_on_another_device(browser, context, base_url, lang, tmp_path):
    from playwright.sync_api import expect
    page = context.new_page()
    open_form(page, base_url, lang)
    page.locator("#kv-f-employee-proud").fill(LONG[lang])
    page.locator("#kv-f-talk-date").fill("2026-12-03")
    page.locator("#kv-f-employee-load-2").check()
    backup = export_backup(page, lang, tmp_path)
    assert json.loads(backup.read_text(encoding="utf-8"))["feature"] == "forms"

    fresh = browser.new_context()
    try:
        other = fresh.new_page()
        open_form(other, base_url, lang)
        expect(other.locator("#kv-f-employee-proud")).to_have_value("")
        other.locator(".kv-form__file").set_input_files(backup)
        expect(other.locator("#kv-f-employee-proud")).to_have_value(LONG[lang])
        expect(other.locator("#kv-f-talk-date")).to_have_value("2026-12-03")
        expect(other.locator("#kv-f-employee-load-2")).to_be_checked()
        expect(status(other)).to_contain_text(backup.name)
    finally:
        fresh.close()


@pytest.mark.parametrize("lang", LANGUAGES)
def test_a_file_of_another_template_or_not_ours_is_refused_with_a_message(context, base_url, lang, tmp_path):
    from playwright.sync_api import expect
    page = context.new_page()
    open_form(page, base_url, lang, GOALS)
    page.locator("#kv-f-employee-continue").fill("tavoitteita")
    goals_title = page.locator("h1").evaluate("h => h.firstChild.textContent.trim()")
    backup = export_backup(page, lang, tmp_path)

    open_form(page, base_url, lang, DECEMBER)
    page.locator("#kv-f-employee-proud").fill("oma vastaus")
    page.locator(".kv-form__file").set_input_files(backup)
    expect(status(page)).to_have_text(LABELS[lang]["import_other"].replace("%title", goals_title))
    expect(page.locator("#kv-f-employee-proud")).to_have_value("oma vastaus")

    junk = tmp_path / "notes.json"
    junk.write_text("not json at all", encoding="utf-8")
    page.locator(".kv-form__file").set_input_files(junk)
    expect(status(page)).to_have_text(LABELS[lang]["import_damaged"].replace("%file", "notes.json"))
    other = tmp_path / "other.json"
    other.write_text(json.dumps({"format": "something-else", "data": {}}), encoding="utf-8")
    page.locator(".kv-form__file").set_input_files(other)
    expect(status(page)).to_have_text(LABELS[lang]["import_not_ours"].replace("%file", "other.json"))


@pytest.mark.parametrize("lang", LANGUAGES)
def test_clear_all_asks_first_and_then_erases_the_answers(context, base_url, lang):
    from playwright.sync_api import expect
    page = context.new_page()
    open_form(page, base_url, lang)
    page.locator("#kv-f-employee-proud").fill("poistettava")
    expect(status(page)).to_have_text(saved_pattern(lang))
    clear = page.get_by_role("button", name=PAGE_LABELS[lang]["clear_all"])
    clear.click()
    dialog = page.get_by_role("dialog", name=LABELS[lang]["clear_title"])
    expect(dialog).to_be_visible()
    page.keyboard.press("Escape")  # the keyboard's way out keeps everything
    expect(dialog).to_be_hidden()
    expect(clear).to_be_focused()
    expect(page.locator("#kv-f-employee-proud")).to_have_value("poistettava")
    clear.click()
    dialog.get_by_role("button", name=LABELS[lang]["clear_confirm"]).click()
    expect(page.locator("#kv-f-employee-proud")).to_have_value("")
    expect(status(page)).to_have_text(LABELS[lang]["cleared"])
    page.reload()
    page.wait_for_selector("html.kv-forms-ready")
    expect(page.locator("#kv-f-employee-proud")).to_have_value("")


@pytest.mark.parametrize("lang", LANGUAGES)
def test_without_storage_the_form_says_so_and_still_works_for_the_visit(browser, base_url, lang, tmp_path):
    from playwright.sync_api import expect
    context = browser.new_context(accept_downloads=True)
    context.add_init_script(
        "Object.defineProperty(window, 'localStorage', {get() { throw new DOMException('denied', 'SecurityError'); }});"
    )
    try:
        page = context.new_page()
        open_form(page, base_url, lang)
        expect(page.locator(".kv-form__problem")).to_have_text(LABELS[lang]["unavailable"])
        page.locator("#kv-f-employee-proud").fill("vain tällä käynnillä")
        expect(status(page)).to_have_text(
            re.compile(re.escape(LABELS[lang]["saved_visit"]).replace("%time", r"\d{1,2}\.\d{2}")))
        backup = export_backup(page, lang, tmp_path)
        assert "vain tällä käynnillä" in backup.read_text(encoding="utf-8")
    finally:
        context.close()


@pytest.mark.parametrize("lang", LANGUAGES)
def test_without_javascript_the_form_shows_and_says_nothing_is_kept(browser, base_url, lang):
    from playwright.sync_api import expect
    context = browser.new_context(java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(url_of(base_url, lang, DECEMBER))
        expect(page.locator(".kv-form__no-script")).to_have_text(PAGE_LABELS[lang]["no_script"])
        expect(page.locator(".kv-form__actions")).to_be_hidden()
        page.locator("#kv-f-employee-proud").fill("käsin")
        expect(page.locator("#kv-f-employee-proud")).to_have_value("käsin")
    finally:
        context.close()
