"""The facilitation timer on an exercise page (overrides/assets/js/lib/timer.js), in
every language, driven with Playwright's mocked clock: time comes from timestamps,
so a jump while the tab is hidden still shows the right step and time."""
from __future__ import annotations

from math import ceil
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import expect

from macros.labels import all_labels
from macros.languages import DEFAULT_LANGUAGE, LANGUAGES

AXE = Path(__file__).resolve().parent.parent / "node_modules" / "axe-core" / "axe.min.js"
WCAG_21_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
MINUTE = 60_000

# Counts what the live region says: its texts, one per change.
WATCH_LIVE = """() => {
  window.kvSaid = [];
  const live = document.querySelector('.kv-timer__live');
  new MutationObserver(() => window.kvSaid.push(live.textContent))
    .observe(live, {childList: true, characterData: true, subtree: true});
}"""

HIDE_TAB = """hidden => {
  Object.defineProperty(document, 'visibilityState', {configurable: true, get: () => hidden ? 'hidden' : 'visible'});
  Object.defineProperty(document, 'hidden', {configurable: true, get: () => hidden});
  document.dispatchEvent(new Event('visibilitychange'));
}"""


def clock_text(ms: int) -> str:
    """What the digits show for `ms` left (negative: over time), as lib/timer.js writes it."""
    seconds = ceil(ms / 1000) if ms >= 0 else -ms // 1000
    minutes, secs = divmod(seconds, 60)
    return ("+" if ms < 0 else "") + f"{minutes}:{secs:02d}"


def labels(lang):
    return all_labels()[lang]["js"]["timer"]


def prefix(lang):
    return "" if lang == DEFAULT_LANGUAGE else f"{lang}/"


@pytest.fixture(scope="module")
def exercise(exercises):
    """An exercise with at least three steps and a second step long enough to jump in."""
    return next(e for _, e in sorted(exercises.items()) if len(e.steps) >= 3 and e.steps[1].minutes >= 6)


def open_timer(page, base_url, lang, exercise):
    page.clock.install()
    page.goto(base_url + prefix(lang) + f"exercises/{exercise.id}/")
    page.get_by_role("button", name=all_labels()[lang]["start_timer"]).click()
    dialog = page.get_by_role("dialog", name=f"{labels(lang)['timer']} {exercise.title[lang]}")
    expect(dialog).to_be_visible()
    return dialog


def digits(page):
    return page.locator(".kv-timer__digits")


def seconds_shown(page) -> int:
    """The time left that the digits show, in seconds ("12:34" -> 754)."""
    minutes, seconds = digits(page).inner_text().split(":")
    return int(minutes) * 60 + int(seconds)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_time_left_counts_down_and_keys_move_between_steps(page, base_url, exercise, lang):
    t, steps = labels(lang), exercise.steps
    dialog = open_timer(page, base_url, lang, exercise)
    expect(dialog).to_contain_text(exercise.title[lang])
    expect(page.locator(".kv-timer__step")).to_have_text(steps[0].title[lang])
    expect(digits(page)).to_have_text(clock_text(steps[0].minutes * MINUTE))
    expect(page.locator(".kv-timer__next")).to_contain_text(steps[1].title[lang])
    expect(page.locator(".kv-timer__shortcuts")).to_contain_text(t["key_next"])

    page.keyboard.press("Space")  # focus starts on start/pause
    expect(page.get_by_role("button", name=t["pause"])).to_be_focused()
    page.clock.run_for(61_000)
    expect(digits(page)).to_have_text(clock_text(steps[0].minutes * MINUTE - 61_000))

    page.keyboard.press("ArrowRight")
    expect(page.locator(".kv-timer__step")).to_have_text(steps[1].title[lang])
    expect(digits(page)).to_have_text(clock_text(steps[1].minutes * MINUTE))
    page.keyboard.press("+")
    expect(digits(page)).to_have_text(clock_text((steps[1].minutes + 1) * MINUTE))
    expect(page.locator(".kv-timer__minutes")).to_have_text(
        t["minutes_added"].replace("%n", str(steps[1].minutes)).replace("%added", "1"))
    page.clock.run_for(30_000)
    expect(digits(page)).to_have_text(clock_text((steps[1].minutes + 1) * MINUTE - 30_000))

    # Back: the first step keeps the time it had run.
    page.keyboard.press("ArrowLeft")
    expect(page.locator(".kv-timer__step")).to_have_text(steps[0].title[lang])
    expect(digits(page)).to_have_text(clock_text(steps[0].minutes * MINUTE - 61_000))

    # Space pauses: the time stands still.
    page.keyboard.press("Space")
    expect(page.locator(".kv-timer__status")).to_contain_text(t["paused"])
    page.clock.run_for(20_000)
    expect(digits(page)).to_have_text(clock_text(steps[0].minutes * MINUTE - 61_000))

    # On a control reached with Tab, Space presses that control, as on any button.
    page.keyboard.press("Tab")
    expect(page.get_by_role("button", name=t["add_minute"])).to_be_focused()
    page.keyboard.press("Space")
    expect(digits(page)).to_have_text(clock_text((steps[0].minutes + 1) * MINUTE - 61_000))
    expect(page.locator(".kv-timer__status")).to_contain_text(t["paused"])


@pytest.mark.parametrize("lang", LANGUAGES)
def test_a_jump_while_hidden_shows_the_right_step_and_time(page, base_url, exercise, lang):
    """The tab in the background (or the laptop asleep) runs no timers; the time is
    still right when it comes back, because it comes from timestamps."""
    t, steps = labels(lang), exercise.steps
    open_timer(page, base_url, lang, exercise)
    page.keyboard.press("Space")
    page.keyboard.press("ArrowRight")
    page.evaluate(WATCH_LIVE)
    page.evaluate(HIDE_TAB, True)
    page.clock.fast_forward(5 * MINUTE)  # fires a due timer at most once: ticks would count 0.25 s
    page.evaluate(HIDE_TAB, False)
    expect(page.locator(".kv-timer__step")).to_have_text(steps[1].title[lang])
    expect(digits(page)).to_have_text(clock_text((steps[1].minutes - 5) * MINUTE))

    # A longer jump: over time, said in text (not colour alone), and the step stays.
    page.evaluate(HIDE_TAB, True)
    page.clock.fast_forward(steps[1].minutes * MINUTE)
    page.evaluate(HIDE_TAB, False)
    expect(digits(page)).to_have_text(clock_text(-5 * MINUTE))
    expect(page.locator(".kv-timer__status")).to_have_text(t["overtime"])
    expect(page.locator(".kv-timer__step")).to_have_text(steps[1].title[lang])
    assert page.evaluate("window.kvSaid") == [], "the live region spoke without a step change"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_a_step_change_is_announced_once(page, base_url, exercise, lang):
    steps = exercise.steps
    open_timer(page, base_url, lang, exercise)
    live = page.locator(".kv-timer__live")
    expect(live).to_have_attribute("aria-live", "polite")
    assert page.locator(".kv-timer__digits[aria-live], .kv-timer__time[aria-live]").count() == 0
    page.evaluate(WATCH_LIVE)
    page.keyboard.press("Space")
    page.clock.run_for(90_000)  # seconds pass, one step ends: nothing is said
    expect(digits(page)).to_have_text(clock_text(steps[0].minutes * MINUTE - 90_000))
    assert page.evaluate("window.kvSaid") == []

    page.get_by_role("button", name=labels(lang)["next"]).click()
    expect(live).to_contain_text(steps[1].title[lang])
    page.clock.run_for(45_000)
    expect(digits(page)).to_have_text(clock_text(steps[1].minutes * MINUTE - 45_000))
    said = page.evaluate("window.kvSaid")
    assert len(said) == 1 and steps[1].title[lang] in said[0], said


@pytest.mark.parametrize("lang", LANGUAGES)
def test_a_reload_goes_on_where_the_timer_was_and_closing_starts_afresh(page, base_url, exercise, lang):
    """A trainer who reloads the page mid-session finds the timer on the same step, still
    running, with the time that has passed; closing the timer ends the run."""
    t, steps = labels(lang), exercise.steps
    open_timer(page, base_url, lang, exercise)
    page.keyboard.press("Space")
    page.keyboard.press("ArrowRight")
    page.clock.run_for(2 * MINUTE)
    expect(digits(page)).to_have_text(clock_text((steps[1].minutes - 2) * MINUTE))

    page.reload()  # after a reload the mocked clock runs at the real pace: check a range
    page.get_by_role("button", name=all_labels()[lang]["start_timer"]).click()
    expect(page.locator(".kv-timer__message")).to_have_text(t["resumed"])
    expect(page.locator(".kv-timer__step")).to_have_text(steps[1].title[lang])
    expect(page.get_by_role("button", name=t["pause"], exact=True)).to_be_visible()  # still running
    left = seconds_shown(page)
    assert (steps[1].minutes - 3) * 60 < left <= (steps[1].minutes - 2) * 60, f"{left} s left after the reload"
    page.keyboard.press("ArrowLeft")  # the note goes with the first action
    expect(page.locator(".kv-timer__step")).to_have_text(steps[0].title[lang])
    expect(page.locator(".kv-timer__message")).to_be_hidden()

    page.get_by_role("button", name=t["close"]).click()
    page.get_by_role("button", name=all_labels()[lang]["start_timer"]).click()
    expect(page.locator(".kv-timer__step")).to_have_text(steps[0].title[lang])
    expect(page.get_by_role("button", name=t["start"], exact=True)).to_be_visible()
    expect(digits(page)).to_have_text(clock_text(steps[0].minutes * MINUTE))
    expect(page.locator(".kv-timer__message")).to_be_hidden()


def test_full_screen_sound_and_closing(browser, base_url, exercise):
    """Full screen asks the browser for the timer panel; the sound cue is off by default,
    made on the device, kept as a choice; Esc closes and gives focus back; all of it
    within the page's Content-Security-Policy."""
    lang = LANGUAGES[-1]
    t = labels(lang)
    context = browser.new_context(viewport={"width": 1280, "height": 720})
    context.add_init_script("""
      window.kvFull = []; window.kvTones = 0; window.kvViolations = [];
      document.addEventListener('securitypolicyviolation', (e) => window.kvViolations.push(e.effectiveDirective));
      Object.defineProperty(Document.prototype, 'fullscreenEnabled', {configurable: true, get: () => true});
      Element.prototype.requestFullscreen = function () { window.kvFull.push(this.className); return Promise.resolve(); };
      window.AudioContext = class {
        constructor() { this.state = 'running'; this.currentTime = 0; this.destination = {}; }
        resume() { return Promise.resolve(); }
        close() { return Promise.resolve(); }
        createGain() { return {gain: {setValueAtTime() {}, exponentialRampToValueAtTime() {}}, connect: (n) => n}; }
        createOscillator() { return {frequency: {}, connect: (n) => n, start() { window.kvTones += 1; }, stop() {}}; }
      };
    """)
    page = context.new_page()
    try:
        dialog = open_timer(page, base_url, lang, exercise)
        page.keyboard.press("f")
        page.wait_for_function("window.kvFull.length === 1")
        page.get_by_role("button", name=t["fullscreen"]).click()
        page.wait_for_function("window.kvFull.length === 2")
        assert page.evaluate("window.kvFull") == ["kv-timer__panel"] * 2

        sound = page.get_by_role("checkbox", name=t["sound"])
        expect(sound).not_to_be_checked()
        page.keyboard.press("Space")
        page.clock.run_for(exercise.steps[0].minutes * MINUTE + 1000)
        expect(page.locator(".kv-timer__status")).to_have_text(t["overtime"])
        assert page.evaluate("window.kvTones") == 0, "a sound played although it was off"

        sound.check()
        assert page.evaluate("localStorage.getItem('kv:timer:v1:sound')") == "true"
        page.keyboard.press("ArrowRight")
        page.clock.run_for(exercise.steps[1].minutes * MINUTE + 1000)
        expect(page.locator(".kv-timer__status")).to_have_text(t["overtime"])
        page.wait_for_function("window.kvTones > 0")

        page.keyboard.press("Escape")
        expect(dialog).to_have_count(0)
        opener = page.get_by_role("button", name=all_labels()[lang]["start_timer"])
        expect(opener).to_be_focused()
        opener.click()
        expect(page.get_by_role("checkbox", name=t["sound"])).to_be_checked()  # the choice was kept
        page.get_by_role("button", name=t["close"]).click()
        expect(page.locator("dialog")).to_have_count(0)
        assert page.evaluate("window.kvViolations") == [], "the timer broke the page's Content-Security-Policy"
    finally:
        context.close()


@pytest.mark.parametrize("lang", LANGUAGES)
def test_open_timer_is_accessible_and_private(browser, base_url, exercise, lang):
    """axe-core WCAG 2.1 A/AA on the open timer; no request to another host; no error."""
    # axe is injected as an inline script, which the site's CSP rightly blocks.
    context = browser.new_context(viewport={"width": 1280, "height": 720}, bypass_csp=True)
    host = urlsplit(base_url).netloc
    outside, errors = [], []
    context.on("request", lambda r: outside.append(r.url) if urlsplit(r.url).netloc not in ("", host) else None)
    page = context.new_page()
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    try:
        open_timer(page, base_url, lang, exercise)
        page.keyboard.press("Space")
        page.clock.run_for(exercise.steps[0].minutes * MINUTE + 5000)  # over time: its colours too
        expect(page.locator(".kv-timer__status")).to_have_text(labels(lang)["overtime"])
        page.add_script_tag(path=str(AXE))
        violations = page.evaluate(
            "async tags => (await axe.run(document, {runOnly: {type: 'tag', values: tags}})).violations"
            ".map(v => v.id + ': ' + v.help + ' @ ' + v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(' | '))",
            WCAG_21_AA,
        )
        assert violations == []
        for name in ("back", "pause", "add_minute", "next", "close"):
            expect(page.get_by_role("button", name=labels(lang)[name], exact=True)).to_be_visible()
        assert outside == [] and errors == []
    finally:
        context.close()


def test_without_javascript_the_button_is_hidden(browser, base_url, exercise):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    try:
        page.goto(base_url + f"exercises/{exercise.id}/")
        expect(page.locator("[data-kv-timer-open]")).to_be_hidden()
    finally:
        context.close()
