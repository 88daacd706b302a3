"""The session planner (/planner/, /sv/planner/) in Chromium, in both languages: a plan
built from the catalog by keyboard, clock times that add up, kept over a reload, shared
by URL to a fresh browser, kept over the language switch, printed as a run sheet, and
what a damaged link, a missing exercise or disabled storage do. Plus the share-link
format from Python (macros/planner.py), as programme pages write it."""
from __future__ import annotations

import base64
import json
import re

import pytest
from playwright.sync_api import expect

from macros.labels import labels
from macros.languages import LANGUAGES, PREFIX
from macros.planner import PLAN_EXAMPLE, exercise_url, plan_fragment, planner_data, read_plan_fragment

from .pdf import pdf_info, pdf_text

OTHER = {lang: next(other for other in LANGUAGES if other != lang) for lang in LANGUAGES}
CHOSEN = ["check-in", "listening-pairs", "sbi-workshop"]
NAV_TAB = {"fi": "Oppaat", "sv": "Guider"}
TIME = re.compile(r"(\d{1,2})\.(\d\d)")
# Makes localStorage throw, as a locked-down profile or some private modes do.
NO_STORAGE = """Object.defineProperty(window, "localStorage", {
  configurable: true, get() { throw new DOMException("The operation is insecure.", "SecurityError"); } });"""


def texts(lang: str) -> dict:
    return labels(lang)["js"]["planner"]


def planner(base_url: str, lang: str) -> str:
    return f"{base_url}{PREFIX[lang]}planner/"


def full_minutes(exercise) -> int:
    return sum(step.minutes for step in exercise.steps)


def minutes_of(text: str) -> int:
    hours, minutes = TIME.search(text).groups()
    return int(hours) * 60 + int(minutes)


def clock(minutes: int) -> str:
    return f"{minutes // 60}.{minutes % 60:02d}"


def block_titles(page) -> list[str]:
    return page.locator(".kv-plan__title").all_text_contents()


def block_times(page) -> list[tuple[int, int]]:
    """(start, end) of every block, read from the clock text the reader sees."""
    spans = page.locator(".kv-plan__clock").all_text_contents()
    return [tuple(minutes_of(part) for part in span.split("–")) for span in spans]


def new_page(browser, init_script: str | None = None, **options):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, accept_downloads=True, **options)
    if init_script:
        context.add_init_script(init_script)
    page = context.new_page()
    page.kv_errors = []
    # Without storage, Material's own inline scripts throw when they read localStorage
    # (its tabs memory); only the site's scripts must not.
    ours = (lambda stack: "assets/js/" in stack) if init_script == NO_STORAGE else (lambda stack: True)
    page.on("pageerror", lambda error: ours(error.stack or "") and page.kv_errors.append(f"{error}\n{error.stack}"))
    return page


def add_from_catalog_by_keyboard(page, base_url, lang, exercises, ids=CHOSEN):
    page.goto(base_url + PREFIX[lang] + "exercises/")
    status = page.locator("[data-kv-plan-added]")
    for exercise_id in ids:
        page.locator(f"[data-kv-add-to-plan='{exercise_id}']").focus()
        page.keyboard.press("Enter")
        expect(status).to_contain_text(exercises[exercise_id].title[lang])
    # The message's link opens the planner; followed by keyboard too.
    status.locator("a").focus()
    with page.expect_navigation():
        page.keyboard.press("Enter")
    expect(page.locator(".kv-plan__block")).to_have_count(len(ids))


@pytest.fixture
def fresh(browser):
    pages = []

    def make(**options):
        pages.append(new_page(browser, **options))
        return pages[-1]

    yield make
    for page in pages:
        assert not page.kv_errors, page.kv_errors
        page.context.close()


@pytest.mark.parametrize("lang", LANGUAGES)
def test_plan_built_from_the_catalog_by_keyboard_adds_up_and_is_kept(fresh, base_url, exercises, lang):
    page = fresh()
    add_from_catalog_by_keyboard(page, base_url, lang, exercises)
    assert block_titles(page) == [exercises[i].title[lang] for i in CHOSEN]

    # A 15-minute break, by keyboard, then moved up one place by its button.
    page.locator("[data-kv-break-minutes]").fill("15")
    page.locator("[data-kv-add-break]").focus()
    page.keyboard.press("Enter")
    expect(page.locator(".kv-plan__block")).to_have_count(4)
    page.locator(".kv-plan__block").nth(3).locator("[data-action=up]").focus()
    page.keyboard.press("Enter")
    expect(page.locator(".kv-plan__block").nth(2)).to_have_class(re.compile("kv-plan__block--break"))
    # Focus stays on the moved block's button, so it can be moved again at once.
    assert page.evaluate("() => document.activeElement.dataset.action") == "up"
    assert page.evaluate("() => document.activeElement.closest('.kv-plan__block').classList.contains('kv-plan__block--break')")
    expect(page.locator("[data-kv-status]")).to_contain_text("3/4" if lang == "fi" else "3 av 4")

    # Clock times: each block starts where the one before ended; the lengths are the
    # exercises' steps; the end time is the start plus the sum.
    lengths = [full_minutes(exercises["check-in"]), full_minutes(exercises["listening-pairs"]), 15, full_minutes(exercises["sbi-workshop"])]
    times = block_times(page)
    assert times[0][0] == 9 * 60
    assert [end - start for start, end in times] == lengths
    assert all(times[i][1] == times[i + 1][0] for i in range(len(times) - 1))
    end = 9 * 60 + sum(lengths)
    expect(page.locator("[data-kv-summary]")).to_contain_text(clock(end))
    expect(page.locator("[data-kv-sheet-when]")).to_contain_text(f"9.00–{clock(end)}")

    # A later start and a target shorter than the plan: every time moves, a warning shows.
    page.locator("#kv-plan-start").fill("13:30")
    page.locator("#kv-plan-start").dispatch_event("change")
    page.locator("#kv-plan-target").fill("60")
    page.locator("#kv-plan-target").dispatch_event("change")
    expect(page.locator(".kv-plan__clock").first).to_have_text(re.compile(r"^13\.30–"))
    over = texts(lang)["over_target"].split("%n")[0].strip()
    expect(page.locator("[data-kv-summary] .kv-plan__warning")).to_contain_text(over)

    # A length outside the exercise's range is warned about.
    block = page.locator(".kv-plan__block").first
    block.locator("[data-field=version]").select_option("own")
    block.locator("[data-field=minutes]").fill("90")
    block.locator("[data-field=minutes]").dispatch_event("change")
    expect(page.locator(".kv-plan__block").first.locator(".kv-plan__warning")).to_contain_text("90")
    expect(page.locator(".kv-plan__clock").first).to_have_text("13.30–15.00")

    # Reload: the plan is kept on the device.
    shown = block_titles(page)
    page.reload()
    expect(page.locator(".kv-plan__block")).to_have_count(4)
    assert block_titles(page) == shown
    expect(page.locator(".kv-plan__clock").first).to_have_text("13.30–15.00")

    # The language switch keeps the plan and shows it in the other language.
    other = OTHER[lang]
    page.locator(".md-header__option .md-select").hover()
    with page.expect_navigation():
        page.locator(f".md-select__link[hreflang={other}]").click()
    assert page.get_attribute("html", "lang") == other
    expect(page.locator(".kv-plan__block")).to_have_count(4)
    titles = block_titles(page)
    assert titles[0] == exercises["check-in"].title[other] and titles[3] == exercises["sbi-workshop"].title[other]
    assert titles[2] == texts(other)["break"]
    expect(page.locator(".kv-plan__clock").first).to_have_text("13.30–15.00")
    # The same plan, not a copy: the switch back and forth adds no plans.
    assert page.locator("[data-kv-plan-select] option").count() == 1


@pytest.mark.parametrize("lang", LANGUAGES)
def test_pointer_drags_a_block_to_another_place(fresh, base_url, exercises, lang):
    page = fresh()
    add_from_catalog_by_keyboard(page, base_url, lang, exercises)
    # Both ends of the drag on screen at once: a drag cannot scroll the page.
    page.set_viewport_size({"width": 1280, "height": 2400})
    page.locator("[data-kv-blocks]").scroll_into_view_if_needed()
    page.locator(".kv-plan__block").nth(2).locator(".kv-plan__handle").drag_to(
        page.locator(".kv-plan__block").nth(0).locator(".kv-plan__time"))
    expect(page.locator(".kv-plan__title").first).to_have_text(exercises["sbi-workshop"].title[lang])
    assert block_times(page)[0][0] == 9 * 60


@pytest.mark.parametrize("lang", LANGUAGES)
def test_share_url_opens_the_same_plan_in_a_fresh_browser(fresh, base_url, exercises, lang):
    page = fresh()
    add_from_catalog_by_keyboard(page, base_url, lang, exercises)
    page.locator("#kv-custom-title").fill("Lounas; ravintola, Aino")
    page.locator("#kv-custom-minutes").fill("45")
    page.locator("[data-kv-add-custom]").click()
    page.locator("#kv-plan-title").fill("Esihenkilöt, tapaaminen 1")
    expect(page.locator(".kv-plan__block")).to_have_count(4)
    url = page.locator("[data-kv-share-url]").input_value()
    # The link holds the plan in the shared format, readable from Python.
    shared = read_plan_fragment(url)
    assert shared["v"] == 1 and shared["title"] == "Esihenkilöt, tapaaminen 1"
    assert shared["blocks"][:3] == [{"type": "exercise", "id": i, "version": "full"} for i in CHOSEN]
    assert shared["blocks"][3] == {"type": "custom", "title": "Lounas; ravintola, Aino", "minutes": 45}

    other = fresh()  # another browser: nothing on its device
    other.goto(url)
    expect(other.locator(".kv-plan__block")).to_have_count(4)
    assert block_titles(other) == block_titles(page)
    assert block_times(other) == block_times(page)
    expect(other.locator("#kv-plan-title")).to_have_value("Esihenkilöt, tapaaminen 1")
    assert "#plan=" not in other.url  # kept on the device now; a reload opens it from there

    # The timer's blocks (lib/plan-model.js toTimerBlocks) from the same plan.
    blocks = other.evaluate("""async ([url, shared]) => {
      const model = await import(url);
      const exercises = model.indexExercises(window.kvPlannerExercises);
      const plan = model.readPlan(shared, exercises).plan;
      return model.toTimerBlocks(plan, exercises, document.documentElement.lang, {break: "B"});
    }""", [base_url + "assets/js/lib/plan-model.js", shared])
    assert [b["title"] for b in blocks] == block_titles(page)
    assert [b["minutes"] for b in blocks] == [end - start for start, end in block_times(page)]
    assert all(sum(s["minutes"] for s in b["steps"]) == b["minutes"] for b in blocks)
    assert blocks[3]["steps"] == [{"title": "Lounas; ravintola, Aino", "minutes": 45, "say": ""}]


@pytest.mark.parametrize("lang", LANGUAGES)
def test_a_programme_link_written_in_python_opens_in_the_planner(fresh, base_url, exercises, lang):
    plan = {**PLAN_EXAMPLE, "blocks": [
        {"type": "exercise", "id": "listening-pairs", "version": "full"},
        {"type": "exercise", "id": "check-in", "minutes": 20},
        {"type": "break", "minutes": 15},
        {"type": "custom", "title": {"fi": "Lounas", "sv": "Lunch"}, "minutes": 30, "note": {"fi": "Ravintola", "sv": "Restaurang"}},
    ]}
    page = fresh()
    page.goto(planner(base_url, lang) + "#" + plan_fragment(plan))
    expect(page.locator(".kv-plan__block")).to_have_count(4)
    assert block_titles(page) == [exercises["listening-pairs"].title[lang], exercises["check-in"].title[lang],
                                  texts(lang)["break"], {"fi": "Lounas", "sv": "Lunch"}[lang]]
    lengths = [full_minutes(exercises["listening-pairs"]), 20, 15, 30]
    assert [end - start for start, end in block_times(page)] == lengths
    expect(page.locator("[data-kv-summary]")).to_contain_text(clock(9 * 60 + sum(lengths)))
    expect(page.locator(".kv-plan__note")).to_have_text({"fi": "Ravintola", "sv": "Restaurang"}[lang])
    expect(page.locator("[data-kv-problems]")).to_be_hidden()


@pytest.mark.parametrize("lang", LANGUAGES)
def test_damaged_link_or_missing_exercise_gives_a_message_and_keeps_the_rest(fresh, base_url, exercises, lang):
    page = fresh()
    page.goto(planner(base_url, lang) + "#" + plan_fragment({"v": 1, "start": "10:00", "blocks": [
        {"type": "exercise", "id": "listening-pairs"}, {"type": "exercise", "id": "no-such-exercise"}, {"type": "break", "minutes": "x"}]}))
    problems = page.locator("[data-kv-problems]")
    expect(problems).to_be_visible()
    expect(problems).to_contain_text("no-such-exercise")
    expect(problems).to_contain_text(texts(lang)["bad_block"].replace("%number", "3"))
    assert block_titles(page) == [exercises["listening-pairs"].title[lang]]
    expect(page.locator(".kv-plan__clock").first).to_have_text(re.compile(r"^10\.00–"))
    # The status line says there is something to read (screen readers hear it once).
    expect(page.locator("[data-kv-status]")).to_contain_text("2")

    # A link that is not a plan at all: a message, and the plan above stays.
    page.goto(planner(base_url, lang) + "#plan=eyJ2IjoxLCJibG9ja3MiOlt7InR5cGUiOiJle")
    page.reload()  # the hash change alone does not load the page
    expect(page.locator("[data-kv-problems]")).to_contain_text(texts(lang)["damaged_link"])
    assert block_titles(page) == [exercises["listening-pairs"].title[lang]]


@pytest.mark.parametrize("lang", LANGUAGES)
def test_without_storage_the_planner_says_so_and_still_works_and_shares(fresh, base_url, exercises, lang):
    page = fresh(init_script=NO_STORAGE)
    page.goto(planner(base_url, lang))
    expect(page.locator("[data-kv-problems]")).to_contain_text(texts(lang)["storage_unavailable"])
    page.locator("[data-kv-search]").fill(exercises["listening-pairs"].title[lang][:6])
    page.locator(f"[data-add='listening-pairs']").click()
    expect(page.locator(".kv-plan__block")).to_have_count(1)
    assert block_times(page) == [(540, 540 + full_minutes(exercises["listening-pairs"]))]
    shared = read_plan_fragment(page.locator("[data-kv-share-url]").input_value())
    assert shared["blocks"] == [{"type": "exercise", "id": "listening-pairs", "version": "full"}]
    # The catalog's button says the plan travels in the link, and the link carries it.
    page.goto(base_url + PREFIX[lang] + "exercises/")
    page.locator("[data-kv-add-to-plan='check-in']").click()
    link = page.locator("[data-kv-plan-added] a")
    expect(link).to_have_attribute("href", re.compile("#plan="))
    with page.expect_navigation():
        link.click()
    expect(page.locator(".kv-plan__title")).to_have_text([exercises["check-in"].title[lang]])


@pytest.mark.parametrize("lang", LANGUAGES)
def test_a_plan_goes_to_a_file_and_back_and_to_a_calendar(fresh, base_url, exercises, lang, tmp_path):
    page = fresh()
    add_from_catalog_by_keyboard(page, base_url, lang, exercises, ids=["check-in", "listening-pairs"])
    page.locator("#kv-plan-title").fill("Tiimi, osa 1; syksy")
    with page.expect_download() as download:
        page.locator("[data-kv-export]").click()
    saved = tmp_path / "plan.json"
    download.value.save_as(saved)
    stored = json.loads(saved.read_text(encoding="utf-8"))
    assert stored["format"] == "kohti-valmentavaa" and stored["feature"] == "planner"
    assert [b["id"] for b in next(iter(stored["data"].values()))["blocks"]] == ["check-in", "listening-pairs"]

    # Clear all (asked first), then import the file back.
    page.locator("[data-kv-clear]").click()
    page.locator("[data-kv-clear-yes]").click()
    expect(page.locator(".kv-plan__block")).to_have_count(0)
    expect(page.locator("[data-kv-status]")).to_have_text(texts(lang)["cleared"])
    page.locator("[data-kv-import]").set_input_files(str(saved))
    expect(page.locator(".kv-plan__block")).to_have_count(2)
    expect(page.locator("#kv-plan-title")).to_have_value("Tiimi, osa 1; syksy")
    # A damaged file: a message, the plan stays.
    broken = tmp_path / "broken.json"
    broken.write_text(saved.read_text(encoding="utf-8")[:40], encoding="utf-8")
    page.locator("[data-kv-import]").set_input_files(str(broken))
    expect(page.locator("[data-kv-problems]")).to_contain_text(texts(lang)["damaged_file"])
    expect(page.locator(".kv-plan__block")).to_have_count(2)

    # The calendar file: asks for a date first, then one event at the plan's times.
    page.locator("[data-kv-ics]").click()
    expect(page.locator("[data-kv-status]")).to_have_text(texts(lang)["ics_needs_date"])
    page.locator("#kv-plan-date").fill("2026-12-03")
    page.locator("#kv-plan-date").dispatch_event("change")
    with page.expect_download() as download:
        page.locator("[data-kv-ics]").click()
    raw = download.value.path().read_bytes()
    lines = raw.split(b"\r\n")
    assert raw.endswith(b"\r\n") and b"\n" not in raw.replace(b"\r\n", b"")
    assert all(len(line) <= 75 for line in lines), [line for line in lines if len(line) > 75]
    text = raw.decode("utf-8").replace("\r\n ", "")  # unfolded
    end = 9 * 60 + full_minutes(exercises["check-in"]) + full_minutes(exercises["listening-pairs"])
    assert "BEGIN:VCALENDAR\r\nVERSION:2.0\r\n" in text and "BEGIN:VEVENT" in text and "END:VCALENDAR" in text
    assert "DTSTART:20261203T090000\r\n" in text
    assert f"DTEND:20261203T{end // 60:02d}{end % 60:02d}00\r\n" in text
    assert "SUMMARY:Tiimi\\, osa 1\\; syksy\r\n" in text
    assert re.search(r"^UID:.+@kohti-valmentavaa\r$", text, re.M) and re.search(r"^DTSTAMP:\d{8}T\d{6}Z\r$", text, re.M)
    assert f"9.00 {exercises['check-in'].title[lang]}" in text.replace("\\n", "\n")


@pytest.mark.parametrize("lang", LANGUAGES)
def test_run_sheet_prints_on_a4_portrait_with_times_steps_and_materials(fresh, base_url, exercises, lang, tmp_path):
    page = fresh()
    add_from_catalog_by_keyboard(page, base_url, lang, exercises)
    page.locator("[data-kv-add-break]").click()
    expect(page.locator(".kv-plan__block")).to_have_count(4)
    page.emulate_media(media="print")
    pdf = tmp_path / "run-sheet.pdf"
    page.pdf(path=str(pdf), prefer_css_page_size=True)
    info = pdf_info(pdf)
    assert not info["landscape"] and 1 <= info["pages"] <= 6, info
    text = pdf_text(pdf)
    for exercise_id in CHOSEN:
        exercise = exercises[exercise_id]
        assert exercise.title[lang] in text
        for step in exercise.steps:
            assert step.title[lang] in text, f"{exercise_id}: step {step.title[lang]} not printed"
    say = " ".join(next(s.say[lang] for s in exercises["listening-pairs"].steps if s.say).split())
    assert say[:60] in text
    for start, end in block_times(page):
        assert f"{clock(start)}–{clock(end)}" in text
    assert exercises["listening-pairs"].materials[0][lang] in text
    # Only the run sheet: no navigation, page title, search or controls.
    shown = labels(lang)["planner"]
    for absent in (page.locator("h1").inner_text(), shown["add_title"], shown["share_label"], NAV_TAB[lang]):
        assert absent not in text, f"{absent!r} printed"


def test_the_share_link_format_is_base64url_of_utf8_json_without_padding():
    fragment = plan_fragment(PLAN_EXAMPLE)
    encoded = fragment.removeprefix("plan=")
    assert re.fullmatch(r"[A-Za-z0-9_-]+", encoded), "base64url alphabet, no padding"
    assert json.loads(base64.urlsafe_b64decode(encoded + "=" * (-len(encoded) % 4)).decode("utf-8")) == PLAN_EXAMPLE
    assert read_plan_fragment("https://x.example/koulutus/planner/#" + fragment) == PLAN_EXAMPLE
    # "ä" is two UTF-8 bytes, encoded as the RFC 4648 §5 alphabet spells them; the
    # format's version goes first when the plan has none.
    assert plan_fragment({"t": "ä?"}) == "plan=" + base64.urlsafe_b64encode('{"v":1,"t":"ä?"}'.encode()).decode().rstrip("=")


def test_planner_data_links_exercises_from_the_planner_page_served_and_offline(exercises):
    served = planner_data(exercises, "sv", "planner/", True)
    assert served["lang"] == "sv" and len(served["exercises"]) == len(exercises)
    item = next(e for e in served["exercises"] if e["id"] == "listening-pairs")
    assert item["url"] == "../exercises/listening-pairs/"
    assert item["title"] == exercises["listening-pairs"].title["sv"]
    assert sum(s["minutes"] for s in item["steps"]) == full_minutes(exercises["listening-pairs"])
    assert exercise_url("listening-pairs", "planner.html", False) == "exercises/listening-pairs.html"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_plan_runs_live_in_the_timer_block_by_block(fresh, base_url, exercises, lang):
    plan = {"v": 1, "title": "Live", "start": "09:00", "blocks": [
        {"type": "exercise", "id": "check-in"},
        {"type": "break", "minutes": 10},
        {"type": "custom", "title": {"fi": "Lounas", "sv": "Lunch"}, "minutes": 30},
    ]}
    page = fresh()
    page.goto(planner(base_url, lang) + "#" + plan_fragment(plan))
    expect(page.locator(".kv-plan__block")).to_have_count(3)
    run = page.locator("[data-kv-run-live]")
    run.click()
    dialog = page.locator("dialog.kv-timer")
    expect(dialog).to_be_visible()
    check_in = exercises["check-in"].steps
    # The first exercise's first step, and its next step after it.
    expect(page.locator(".kv-timer__step")).to_have_text(check_in[0].title[lang])
    for _ in check_in:
        page.keyboard.press("ArrowRight")
    # After the exercise's last step the plan goes on with its break, then its own block.
    expect(dialog).to_contain_text(texts(lang)["break"])
    page.keyboard.press("ArrowRight")
    expect(dialog).to_contain_text({"fi": "Lounas", "sv": "Lunch"}[lang])
    page.keyboard.press("Escape")
    expect(page.locator("dialog")).to_have_count(0)
    expect(run).to_be_focused()


@pytest.mark.parametrize("lang", LANGUAGES)
def test_a_programme_session_opens_in_the_planner_from_its_page(fresh, base_url, lang):
    page = fresh()
    page.goto(f"{base_url}{PREFIX[lang]}programmes/")
    link = page.get_by_role("link", name=labels(lang)["open_in_planner"]).first
    expect(link).to_have_attribute("href", re.compile(r"planner/\?plan="))
    link.click()
    # The first supervisor session: 3.5 hours from 9.00, so it ends at 12.30.
    expect(page.locator(".kv-plan__block").first).to_be_visible()
    expect(page.locator("[data-kv-summary]")).to_contain_text("12.30")
    expect(page.locator("[data-kv-problems]")).to_be_hidden()
    assert "plan=" not in page.url  # kept on the device now; a reload opens it from there
