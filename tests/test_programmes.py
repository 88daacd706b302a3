"""Ready programmes (programmes/*.yml): agendas computed from the data, plan links
in the planner's shared format (macros/plan_link.py)."""
from __future__ import annotations

import base64
import json

from macros import plan_link
from macros.programme import ExerciseBlock, agenda, block_minutes, session_plan, slot_problem


def test_a_plan_link_is_base64url_of_utf8_json_without_padding():
    plan = {"title": "Palaute ja päätös", "start": "09:00", "target": 60, "blocks": [
        {"type": "exercise", "id": "sbi-workshop", "version": "short"},
        {"type": "break", "minutes": 15},
        {"type": "custom", "title": {"fi": "Ääni ja yö", "sv": "Röst och år"}, "minutes": 30},
    ]}
    value = plan_link.encode(plan)
    assert "=" not in value and "+" not in value and "/" not in value
    raw = base64.urlsafe_b64decode(value + "=" * (-len(value) % 4))
    assert "Ääni".encode("utf-8") in raw, "UTF-8 text, not \\u escapes"
    assert json.loads(raw) == {"v": 1, **plan}
    assert plan_link.decode(value) == {"v": 1, **plan}


def test_a_plan_link_is_relative_to_the_page_served_and_offline():
    from macros.render import page_url_for, relative_url

    for directory_urls, page, planner in ((True, "programmes/", "../planner/"), (False, "programmes/index.html", "../planner.html")):
        href = plan_link.plan_href({"blocks": []}, lambda target: relative_url(page_url_for(target, directory_urls), page))
        assert href.startswith(planner + "?plan="), href


def test_supervisor_session_1_runs_from_nine_to_half_past_twelve(content):
    series = content.programmes["supervisor-series"]
    rows = agenda(series.sessions[0], series.start, content.exercises)
    assert rows[0].start == "9.00" and rows[-1].end == "12.30"
    for before, after in zip(rows, rows[1:]):
        assert before.end == after.start


def test_every_session_fills_its_length_with_realistic_breaks(content):
    for programme in content.programmes.values():
        for session in programme.sessions:
            assert sum(block_minutes(b, content.exercises) for b in session.blocks) == session.minutes
            breaks = [b.minutes for b in session.blocks if b.type == "break"]
            if session.minutes >= 180:
                assert 15 in breaks and min(breaks) < 15, f"{programme.id}/{session.id}: a 15-min and a short break"


def test_the_staff_path_runs_each_weeks_exercise_in_its_short_version(content):
    sessions = content.programmes["staff-path"].sessions
    assert len(sessions) == 6
    for session in sessions:
        assert session.minutes == 60 and session.mode == "remote"
        short = [b for b in session.blocks if isinstance(b, ExerciseBlock) and b.version == "short"]
        assert len(short) == 1
        assert 25 <= content.exercises[short[0].id].short_version.minutes <= 30
        assert content.exercises[short[0].id].short_version.mode == "remote"


def test_a_short_version_runs_only_in_a_session_of_its_mode(content):
    """A short version written for video (breakout rooms, chat) must not land in a
    session held in a room: the trainer would get the wrong instructions."""
    block = ExerciseBlock(type="exercise", id="priority-sort", version="short")
    exercise = content.exercises["priority-sort"]
    assert slot_problem(block, exercise, "remote") is None
    assert slot_problem(block, exercise, "in-person") == (
        "the session is in-person, but exercises/priority-sort.yml's short_version is written for remote"
    )


def test_a_session_plan_keeps_both_languages_of_its_own_blocks(content):
    series = content.programmes["supervisor-series"]
    plan = session_plan(series, series.sessions[0], "sv")
    custom = [b for b in plan["blocks"] if b["type"] == "custom"]
    assert custom and all(set(b["title"]) == {"fi", "sv"} for b in custom)
    assert plan["target"] == 210 and plan["start"] == "09:00"
    assert plan_link.decode(plan_link.encode(plan)) == plan
