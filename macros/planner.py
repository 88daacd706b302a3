"""The session planner's data and its share-link format.

The planner page (docs/<lang>/planner.md, overrides/assets/js/planner.js) needs every
exercise's title, steps, minutes and materials. It loads them as a generated classic
script, assets/planner/exercises.<lang>.js, which sets `window.kvPlannerExercises`:
a page opened from a folder (the offline copy) cannot fetch JSON, and only the
planner loads the file, so other pages do not carry its weight.

The share link is `planner/#plan=` + base64url (RFC 4648 §5, no padding) of the
UTF-8 JSON of a plan (see PLAN_EXAMPLE); overrides/assets/js/lib/plan-link.js reads
and writes the same format. `plan_fragment` lets Python (e.g. programme pages)
write "open in planner" links.
"""
from __future__ import annotations

import json
import posixpath
from pathlib import Path

from . import plan_link
from .model import Exercise

DATA_DIR = "assets/planner"
GLOBAL = "kvPlannerExercises"
PLAN_VERSION = 1
# A plan as the share link carries it. Custom titles and notes may also be plain text.
PLAN_EXAMPLE = {
    "v": 1, "title": "Esihenkilösarja 1", "start": "09:00", "target": 210,
    "blocks": [
        {"type": "exercise", "id": "listening-pairs", "version": "full"},
        {"type": "exercise", "id": "sbi-workshop", "version": "short"},
        {"type": "exercise", "id": "check-in", "minutes": 20},
        {"type": "break", "minutes": 15},
        {"type": "custom", "title": {"fi": "Lounas", "sv": "Lunch"}, "minutes": 30, "note": "Ravintola"},
    ],
}


def data_file(lang: str) -> str:
    """The data script's path inside the site."""
    return f"{DATA_DIR}/exercises.{lang}.js"


def exercise_url(exercise_id: str, page_url: str, directory_urls: bool) -> str:
    """The exercise page's link, relative from the planner page (page_url, within its
    language: "planner/", or "planner.html" in the offline copy whose links end in .html)."""
    target = f"exercises/{exercise_id}/" if directory_urls else f"exercises/{exercise_id}.html"
    base = page_url if page_url.endswith("/") else posixpath.dirname(page_url) + "/"
    rel = posixpath.relpath("/" + target, "/" + base)
    return rel + "/" if target.endswith("/") else rel


def _steps(steps, lang: str) -> list[dict]:
    shown = []
    for step in steps:
        item = {"title": step.title[lang], "minutes": step.minutes, "do": step.do[lang]}
        if getattr(step, "say", None):
            item["say"] = step.say[lang]
        shown.append(item)
    return shown


def _texts(value, lang: str) -> list[str]:
    """A Text, a list of Texts or nothing, as a list of strings in lang."""
    if not value:
        return []
    items = value if isinstance(value, (list, tuple)) else [value]
    return [item[lang] for item in items]


def planner_exercise(exercise: Exercise, lang: str, url: str) -> dict:
    """One exercise as the planner reads it. short_version, handouts and preparation
    are read with getattr: the planner works before and after those fields exist."""
    item = {
        "id": exercise.id,
        "title": exercise.title[lang],
        "url": url,
        "min": exercise.duration.min,
        "max": exercise.duration.max,
        "steps": _steps(exercise.steps, lang),
        "materials": [m[lang] for m in exercise.materials],
    }
    short = getattr(exercise, "short_version", None)
    if short:
        item["short"] = {"minutes": short.minutes, "steps": _steps(short.steps, lang)}
    if getattr(exercise, "handouts", None):
        item["handouts"] = True
    preparation = _texts(getattr(exercise, "preparation", None), lang)
    if preparation:
        item["prep"] = preparation
    return item


def planner_data(exercises: dict[str, Exercise], lang: str, page_url: str, directory_urls: bool) -> dict:
    ordered = sorted(exercises.values(), key=lambda e: e.title[lang].casefold())
    return {
        "lang": lang,
        "exercises": [planner_exercise(e, lang, exercise_url(e.id, page_url, directory_urls)) for e in ordered],
    }


def planner_script(data: dict) -> str:
    # json.dumps escapes nothing HTML-ish, but the file is a script of its own (never
    # inline), so "</script>" in a text cannot end it; "\u2028" is valid JS since ES2019.
    return f"window.{GLOBAL} = {json.dumps(data, ensure_ascii=False, separators=(',', ':'))};\n"


def write_planner_data(site_dir: Path, exercises: dict[str, Exercise], lang: str, page_url: str,
                       directory_urls: bool) -> Path:
    target = Path(site_dir) / data_file(lang)
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(planner_script(planner_data(exercises, lang, page_url, directory_urls)), encoding="utf-8")
    return target


def plan_fragment(plan: dict) -> str:
    """The fragment of a share link: "plan=" + the plan, in the one format plan_link.py writes."""
    return "plan=" + plan_link.encode(plan)


def read_plan_fragment(fragment: str) -> dict:
    """The plan in a share link's fragment ("#plan=…" or the whole link)."""
    return plan_link.decode(fragment.split("#", 1)[-1].removeprefix("plan="))
