"""The catalog's filters in a browser: they combine, show exactly the matching
exercises, live in the URL, and work by keyboard."""
from __future__ import annotations

import pytest

from macros.languages import PREFIX as LANGUAGES


def expected_ids(exercises, mode=None, up_to=None, theme=None, size=None):
    return sorted(
        e.id for e in exercises.values()
        if (mode is None or mode in e.modes)
        and (up_to is None or e.duration.max <= up_to)
        and (theme is None or theme in e.themes)
        and (size is None or e.group_size.min <= size <= e.group_size.max)
    )


def shown_ids(page):
    return sorted(page.eval_on_selector_all(
        ".kv-catalog__row:not([hidden])", "rows => rows.map(r => r.dataset.exercise)"))


@pytest.mark.parametrize("lang", LANGUAGES)
def test_remote_and_up_to_30_minutes_shows_exactly_the_matching_exercises(page, base_url, exercises, lang):
    page.goto(base_url + LANGUAGES[lang] + "exercises/")
    page.select_option("#kv-filter-mode", "remote")
    page.select_option("#kv-filter-duration", "30")
    expected = expected_ids(exercises, mode="remote", up_to=30)
    assert expected and len(expected) < len(exercises), "the filter should narrow the list"
    assert shown_ids(page) == expected
    assert page.locator("[data-kv-shown]").inner_text() == str(len(expected))
    # The URL holds the filter: opening it again restores the same view.
    assert "mode=remote" in page.url and "duration=30" in page.url
    shared_url = page.url
    page.goto(base_url)
    page.goto(shared_url)
    assert page.input_value("#kv-filter-mode") == "remote"
    assert page.input_value("#kv-filter-duration") == "30"
    assert shown_ids(page) == expected


@pytest.mark.parametrize("lang", LANGUAGES)
def test_up_to_30_minutes_leaves_out_an_exercise_that_can_run_over(page, base_url, exercises, lang):
    """The bucket compares against the longest duration: an exercise of 30-35 minutes
    (feedforward round) would run over a 30-minute slot, so it is not shown."""
    over = [e.id for e in exercises.values() if e.duration.min <= 30 < e.duration.max]
    assert over, "the data should hold an exercise whose range straddles 30 minutes"
    page.goto(base_url + LANGUAGES[lang] + "exercises/?duration=30")
    shown = shown_ids(page)
    assert shown == expected_ids(exercises, up_to=30)
    assert not set(over) & set(shown)
    assert all(exercises[i].duration.max <= 30 for i in shown)


def test_theme_and_group_size_combine(page, base_url, exercises):
    page.goto(base_url + "exercises/?theme=feedback&size=4")
    assert shown_ids(page) == expected_ids(exercises, theme="feedback", size=4)


def test_hybrid_leaves_out_exercises_that_do_not_work_hybrid(page, base_url, exercises):
    page.goto(base_url + "exercises/?mode=hybrid")
    expected = expected_ids(exercises, mode="hybrid")
    assert len(expected) < len(exercises)
    assert shown_ids(page) == expected


def test_count_is_announced_to_screen_readers(page, base_url):
    page.goto(base_url + "exercises/")
    count = page.locator("[data-kv-count]")
    assert count.get_attribute("role") == "status" and count.get_attribute("aria-live") == "polite"
    for control in ("theme", "duration", "size", "mode", "audience"):
        label = page.locator(f'label[for="kv-filter-{control}"]')
        assert label.inner_text().strip(), f"filter '{control}' has no label"


def test_filters_work_by_keyboard(page, base_url, exercises):
    page.goto(base_url + "exercises/")
    page.focus("#kv-filter-theme")
    page.keyboard.press("Tab")  # to duration
    assert page.evaluate("document.activeElement.id") == "kv-filter-duration"
    page.keyboard.press("Tab")  # to group size
    page.keyboard.type("30")
    page.keyboard.press("Tab")
    assert shown_ids(page) == expected_ids(exercises, size=30)


def test_without_javascript_the_full_list_shows(browser, base_url, exercises):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(base_url + "exercises/")
    assert shown_ids(page) == sorted(exercises)
    assert page.locator("[data-kv-filters]").is_hidden()
    context.close()


@pytest.mark.parametrize("lang", LANGUAGES)
def test_theme_deck_prints_only_that_themes_cards(page, base_url, exercises, lang, tmp_path):
    from .pdf import pdf_info

    theme = "feedback"
    page.goto(base_url + LANGUAGES[lang] + f"cards/?theme={theme}")
    page.pdf(path=str(tmp_path / "deck.pdf"), prefer_css_page_size=True)
    expected = [e for e in exercises.values() if theme in e.themes]
    # Every card prints on two sheets: the overview and steps, then what to say and the rest.
    assert pdf_info(tmp_path / "deck.pdf") == {"pages": 2 * len(expected), "landscape": True}


def test_theme_page_lists_each_themes_exercises(site, exercises):
    from macros.labels import labels

    for prefix, lang in (("", "fi"), ("sv/", "sv")):
        html = (site / prefix / "themes" / "index.html").read_text(encoding="utf-8")
        for theme in labels(lang)["theme_names"]:
            section = html.split(f'id="{theme}"', 1)[1].split("<h2", 1)[0]
            listed = sorted(e.id for e in exercises.values() if f"exercises/{e.id}/" in section)
            assert listed == sorted(e.id for e in exercises.values() if theme in e.themes), f"{lang}: {theme}"
