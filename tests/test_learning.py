"""Keep learning, in Chromium, in every language: a lesson's reflections, done mark,
task ticks and self-rating stay on the device; the module page and the self-study
home show progress with a continue link; the "my learning" summary shows and prints
what was kept, exports it, clears it and imports it back; old ticks are migrated;
with storage disabled the page says so and still works for the visit."""
from __future__ import annotations

import json
import re

import pytest
from playwright.sync_api import expect

from macros.labels import labels
from macros.languages import LANGUAGES, PREFIX
from macros.learning import catalog, nav_order

from .pdf import pdf_text
from .site_pages import DOCS

pytestmark = pytest.mark.browser

TICK_TARGET = 44
STORE = "kv:learning:v1:"


def texts(lang: str) -> dict:
    return labels(lang)["js"]["learning"]


def modules(lang: str):
    return catalog(DOCS, lang, True, nav_order())


def first_module(lang: str):
    return next(m for m in modules(lang) if len(m.lessons) >= 2)


@pytest.fixture
def fresh(browser):
    """A new browser profile per test: nothing kept from another test."""
    contexts = []

    def make(**options):
        context = browser.new_context(**{"viewport": {"width": 1280, "height": 900}, **options})
        contexts.append(context)
        return context.new_page()

    yield make
    for context in contexts:
        context.close()


def open_lesson(page, base_url, lang, lesson):
    page.goto(base_url + PREFIX[lang] + lesson.url)
    # learning.js has run when the task texts sit in their labels.
    expect(page.locator(".kv-task").first).to_be_attached()


def write_reflection(page, lang, key, text):
    field = page.locator(f"#kv-reflection-{key}")
    field.fill(text)
    status = page.locator(f"[data-kv-reflection='{key}'] [data-kv-status]")
    saved = re.escape(texts(lang)["answer_saved"]).replace("%time", ".+")
    expect(status).to_have_text(re.compile(saved))


@pytest.mark.parametrize("lang", LANGUAGES)
def test_a_reflection_is_kept_after_a_reload(fresh, base_url, lang):
    page = fresh()
    lesson = first_module(lang).lessons[0]
    open_lesson(page, base_url, lang, lesson)
    write_reflection(page, lang, "r1", "Kolme asiaa: luku 3, lausunto, <b>koulutus</b>")
    page.reload()
    expect(page.locator("#kv-reflection-r1")).to_have_value("Kolme asiaa: luku 3, lausunto, <b>koulutus</b>")
    # Its question is the field's label.
    assert page.get_by_role("textbox", name=re.compile(".+\\?")).count() >= 3


@pytest.mark.parametrize("lang", LANGUAGES)
def test_done_lessons_and_the_last_opened_show_on_the_module_page_and_home(fresh, base_url, lang):
    t = texts(lang)
    page = fresh()
    module = first_module(lang)
    first, second = module.lessons[0], module.lessons[1]
    open_lesson(page, base_url, lang, first)
    page.get_by_role("button", name=t["mark_done"]).click()
    expect(page.locator("[data-kv-done-status]")).to_contain_text(t["done_on"].split("%")[0].strip())
    expect(page.get_by_role("button", name=t["unmark_done"])).to_be_visible()
    open_lesson(page, base_url, lang, second)

    page.goto(base_url + PREFIX[lang] + module.url)
    progress = page.locator(".kv-progress")
    expect(progress).to_contain_text(f"1/{len(module.lessons)}")
    expect(progress).to_contain_text(second.title)
    link = progress.get_by_role("link", name=t["continue"])
    expect(link).to_be_visible()
    link.click()
    page.wait_for_url(base_url + PREFIX[lang] + second.url)

    page.goto(base_url + PREFIX[lang] + "self-study/")
    total = sum(len(m.lessons) for m in modules(lang))
    expect(page.locator(".kv-progress")).to_contain_text(f"1/{total}")
    expect(page.locator(".kv-progress").get_by_role("link", name=t["continue"])).to_have_attribute(
        "href", re.compile(re.escape(second.url) + "$"))


@pytest.mark.parametrize("lang", LANGUAGES)
def test_a_task_ticks_by_a_tap_on_its_text_from_a_44_px_target(fresh, base_url, lang):
    page = fresh(viewport={"width": 375, "height": 800}, has_touch=True)
    lesson = first_module(lang).lessons[0]
    open_lesson(page, base_url, lang, lesson)
    item = page.locator(".md-typeset .task-list-item").first
    box = item.get_by_role("checkbox")
    # The box is named by the task's text (a real label).
    assert box.evaluate("b => b.labels.length > 0 && b.labels[0].textContent.trim().length > 10")
    size = box.bounding_box()
    assert size["width"] >= TICK_TARGET and size["height"] >= TICK_TARGET, f"tick target {size}"
    assert not box.is_checked()

    text = item.locator(".kv-task__text")
    text_box = text.bounding_box()
    item.tap(position={"x": item.bounding_box()["width"] - 20, "y": text_box["y"] - item.bounding_box()["y"] + 8})
    expect(box).to_be_checked()
    # Keyboard: Space on the focused box unticks it and ticks it again.
    box.focus()
    page.keyboard.press("Space")
    expect(box).not_to_be_checked()
    page.keyboard.press("Space")
    expect(box).to_be_checked()
    page.reload()
    expect(page.locator(".md-typeset .task-list-item").first.get_by_role("checkbox")).to_be_checked()


@pytest.mark.parametrize("lang", LANGUAGES)
def test_a_self_rating_is_marked_by_keyboard_and_kept(fresh, base_url, lang):
    page = fresh()
    lesson = first_module(lang).lessons[0]
    open_lesson(page, base_url, lang, lesson)
    group = page.locator(".kv-rating__item").first
    statement = group.locator("legend").inner_text()
    assert page.get_by_role("group", name=statement).count() == 1
    # Tab from the field before the ratings, as a keyboard user does.
    # (past the heading's anchor link and any abbreviation).
    page.locator("#kv-reflection-notes").focus()
    for _ in range(6):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.type") == "radio":
            break
    assert page.evaluate("document.activeElement.name") == "kv-rating-0", "Tab did not reach the first rating"
    page.keyboard.press("Space")
    page.keyboard.press("ArrowRight")
    page.keyboard.press("ArrowRight")
    expect(group.get_by_role("radio", name="3")).to_be_checked()
    page.reload()
    expect(page.locator(".kv-rating__item").first.get_by_role("radio", name="3")).to_be_checked()
    # The table that prints carries the mark in the chosen column.
    expect(page.locator(".kv-rating__table tbody tr").first.locator("td").nth(3)).to_have_text("✕")


def fill_a_lesson(page, base_url, lang, answer):
    lesson = first_module(lang).lessons[0]
    open_lesson(page, base_url, lang, lesson)
    write_reflection(page, lang, "r1", answer)
    page.get_by_role("button", name=texts(lang)["mark_done"]).click()
    expect(page.get_by_role("button", name=texts(lang)["unmark_done"])).to_be_visible()
    return lesson


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_summary_shows_and_prints_name_lesson_and_reflection(fresh, base_url, lang, tmp_path):
    t = texts(lang)
    page = fresh()
    answer = "Tavoitteeni on saada perustelujen kolmas luku valmiiksi huhtikuussa."
    lesson = fill_a_lesson(page, base_url, lang, answer)
    page.goto(base_url + PREFIX[lang] + "self-study/my-learning/")
    page.get_by_label(t["name_label"]).fill("Aino Virtanen")
    summary = page.locator(".kv-summary")
    expect(summary).to_contain_text(t["self_reported"])
    expect(summary).to_contain_text(lesson.title)
    expect(summary).to_contain_text(answer)
    expect(summary).to_contain_text(t["lesson_done"].split("%")[0].strip())
    page.reload()
    expect(page.get_by_label(t["name_label"])).to_have_value("Aino Virtanen")

    pdf = tmp_path / "summary.pdf"
    page.pdf(path=str(pdf), prefer_css_page_size=True, print_background=True)
    printed = pdf_text(pdf)
    for expected in ("Aino Virtanen", t["self_reported"], lesson.title, answer):
        assert expected in printed, f"{expected!r} not on paper: {printed[:600]}"
    assert t["export"] not in printed, "the buttons print"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_export_clear_and_import_give_everything_back(fresh, base_url, lang, tmp_path):
    t = texts(lang)
    page = fresh()
    answer = "Pyydän palautetta Mikolta perjantaina."
    fill_a_lesson(page, base_url, lang, answer)
    page.goto(base_url + PREFIX[lang] + "self-study/my-learning/")
    page.get_by_label(t["name_label"]).fill("Linnea")
    expect(page.locator(".kv-summary__body")).to_contain_text(answer)

    with page.expect_download() as download:
        page.get_by_role("button", name=t["export"]).click()
    file = tmp_path / download.value.suggested_filename
    download.value.save_as(file)
    exported = json.loads(file.read_text(encoding="utf-8"))
    assert exported["feature"] == "learning" and answer in file.read_text(encoding="utf-8")

    page.once("dialog", lambda dialog: dialog.accept())
    page.get_by_role("button", name=t["clear_all"]).click()
    expect(page.locator("[data-kv-summary-status]")).to_have_text(t["cleared"])
    expect(page.locator(".kv-summary__body")).to_have_text(t["empty"])
    expect(page.get_by_label(t["name_label"])).to_have_value("")
    assert page.evaluate(f"Object.keys(localStorage).filter(k => k.startsWith('{STORE}')).length") == 0

    # A file that is not ours changes nothing.
    other = tmp_path / "other.json"
    other.write_text('{"format": "something-else"}', encoding="utf-8")
    page.locator("[data-kv-import]").set_input_files(other)
    expect(page.locator("[data-kv-summary-status]")).to_have_text(t["error_not_ours"])

    page.once("dialog", lambda dialog: dialog.accept())
    page.locator("[data-kv-import]").set_input_files(file)
    expect(page.locator("[data-kv-summary-status]")).to_have_text(t["imported"])
    expect(page.locator(".kv-summary__body")).to_contain_text(answer)
    expect(page.get_by_label(t["name_label"])).to_have_value("Linnea")


@pytest.mark.parametrize("lang", LANGUAGES)
def test_ticks_kept_by_the_old_task_script_are_moved_once(fresh, base_url, lang):
    page = fresh()
    lesson = first_module(lang).lessons[0]
    open_lesson(page, base_url, lang, lesson)
    old = page.evaluate("() => { const k = 'kv-task:' + location.pathname + ':1'; localStorage.setItem(k, '1'); return k; }")
    page.reload()
    expect(page.locator(".md-typeset .task-list-item").nth(1).get_by_role("checkbox")).to_be_checked()
    assert page.evaluate("k => localStorage.getItem(k)", old) is None, "the old key was not removed"
    kept = page.evaluate(f"() => JSON.parse(localStorage.getItem('{STORE}lesson:{lang}:{lesson.id}'))")
    assert kept["tasks"] == {"1": True}


@pytest.mark.parametrize("lang", LANGUAGES)
def test_with_storage_disabled_the_page_says_so_and_works_for_the_visit(fresh, base_url, lang):
    t = texts(lang)
    page = fresh()
    page.add_init_script("""Object.defineProperty(window, "localStorage", {
      get() { throw new DOMException("The operation is insecure.", "SecurityError"); } });""")
    lesson = first_module(lang).lessons[0]
    open_lesson(page, base_url, lang, lesson)
    expect(page.locator(".kv-learning-problem")).to_have_text(t["problem_unavailable"])
    page.locator("#kv-reflection-r1").fill("Vain tämän käynnin ajan")
    expect(page.locator("[data-kv-reflection='r1'] [data-kv-status]")).to_have_text(t["answer_for_visit"])
    page.get_by_role("button", name=t["mark_done"]).click()
    expect(page.get_by_role("button", name=t["unmark_done"])).to_be_visible()


def test_a_new_module_folder_joins_the_progress_by_itself(tmp_path):
    """The module and lesson list is read from the docs folder: a new folder with an
    index.md (e.g. self-study/coaching/) and its lessons need no code change."""
    from macros.learning import page_data

    for lang in LANGUAGES:
        folder = tmp_path / lang / "self-study" / "coaching"
        folder.mkdir(parents=True)
        (folder / "index.md").write_text("# Valmennus\n", encoding="utf-8")
        (folder / "group.md").write_text("# Ryhmävalmennus\n", encoding="utf-8")
        (folder / "internal-coach.md").write_text("# Sisäinen valmentaja\n", encoding="utf-8")
    order = ["self-study/coaching/index.md", "self-study/coaching/internal-coach.md", "self-study/coaching/group.md"]
    found = catalog(tmp_path, LANGUAGES[0], True, order)
    assert [m.id for m in found] == ["coaching"]
    assert [(l.id, l.url) for l in found[0].lessons] == [
        ("coaching/internal-coach", "self-study/coaching/internal-coach/"),
        ("coaching/group", "self-study/coaching/group/"),
    ]
    offline = catalog(tmp_path, LANGUAGES[0], False, order)
    assert offline[0].lessons[1].url == "self-study/coaching/group.html"
    data = page_data(found, LANGUAGES[0], "self-study/coaching/group.md", "self-study/coaching/group/")
    assert (data["kind"], data["module"], data["lesson"], data["root"]) == ("lesson", "coaching", "coaching/group", "../../../")
