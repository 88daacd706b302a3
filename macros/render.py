"""Render exercises to Markdown/HTML with Jinja templates (autoescaped).

Python only prepares data here; every tag lives in macros/templates/.
`page_url` is the current page's URL inside its language, e.g. "exercises/".
"""
from __future__ import annotations

import posixpath
import re
from pathlib import Path, PurePosixPath

from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape
from markupsafe import Markup, escape

from .labels import labels
from .model import Exercise

TEMPLATES_DIR = Path(__file__).parent / "templates"

_env = Environment(
    loader=FileSystemLoader(TEMPLATES_DIR),
    autoescape=select_autoescape(enabled_extensions=("html", "md", "j2"), default=True),
    undefined=StrictUndefined,
    trim_blocks=True,
    lstrip_blocks=True,
    keep_trailing_newline=True,
)

# What would make a Markdown line start a block: "1." or "1)" a numbered list, "-" or
# "+" a list or a rule, "#" a heading, "!!!" an admonition, "???" details, "===" a tab,
# ":" a definition.
BLOCK_START = re.compile(r"(?:[#>+=!?:-]|\d+[.)])")


MARKDOWN_CHARACTERS = "#{}[]`*_\\|"


# HTML escapes (as markupsafe writes them) and Markdown's characters as references.
_INLINE_ESCAPES = {ord(c): f"&#{ord(c)};" for c in MARKDOWN_CHARACTERS} | {
    ord("&"): "&amp;", ord("<"): "&lt;", ord(">"): "&gt;", ord('"'): "&#34;", ord("'"): "&#39;"}


def inline(text: str) -> Markup:
    """Plain text for a line of Markdown, shown as typed: HTML-escaped, and written as
    character references where Markdown would read it: the character that would start
    a block, "#" (a heading drops a trailing one: "C#" -> "C"), and the characters that
    model.PlainText rejects anyway (links, emphasis, attribute lists), should one pass."""
    text = str(text)
    start = BLOCK_START.match(text)
    if not start:
        return Markup(text.translate(_INLINE_ESCAPES))
    at = start.end() - 1
    return Markup(text[:at].translate(_INLINE_ESCAPES) + f"&#{ord(text[at])};" + text[at + 1:].translate(_INLINE_ESCAPES))


_env.filters["inline"] = inline


def local_date(day, t: dict) -> str:
    """A date in the reader's language: the label date_format, e.g. D.M.YYYY -> 27.11.2026."""
    return t["date_format"].replace("YYYY", str(day.year)).replace("M", str(day.month)).replace("D", str(day.day))


_env.filters["local_date"] = local_date


def page_url_for(src: str, directory_urls: bool = True) -> str:
    """The URL MkDocs gives a page's source file (inside a language folder), by its
    use_directory_urls rule: exercises/x.md -> exercises/x/ or exercises/x.html,
    themes/index.md -> themes/ or themes/index.html (the offline copy: no folder links,
    which open a folder listing from file://)."""
    path = PurePosixPath(src)
    if path.name == "index.md":
        folder = "" if str(path.parent) == "." else f"{path.parent}/"
        return folder if directory_urls else folder + "index.html"
    stem = str(path.with_suffix(""))
    return f"{stem}/" if directory_urls else f"{stem}.html"


def relative_url(target: str, page_url: str) -> str:
    """Link from one directory-style URL to another, both inside one language."""
    base = page_url if page_url.endswith("/") else posixpath.dirname(page_url) + "/"
    rel = posixpath.relpath("/" + target, "/" + base)
    return rel + "/" if target.endswith("/") and rel != "." else ("./" if rel == "." else rel)


def relative_source(target: str, page_src: str) -> str:
    """Markdown link from one source file to another, e.g. exercises/a.md -> ../guides/b.md."""
    return posixpath.relpath(target, posixpath.dirname(page_src) or ".")


def _context(lang: str, page_url: str, page_src: str = "index.md", directory_urls: bool = True, **extra) -> dict:
    return {
        "lang": lang,
        "t": labels(lang),
        # url(): for HTML links to a page's source file (checked over the built site),
        # following use_directory_urls as MkDocs does; src(): for Markdown links, which
        # MkDocs itself validates and rewrites.
        "url": lambda target: relative_url(page_url_for(target, directory_urls), page_url),
        "src": lambda target: relative_source(target, page_src),
        **extra,
    }


def render_card(exercise: Exercise, lang: str, page_url: str) -> str:
    return _env.get_template("card.html.j2").render(_context(lang, page_url, ex=exercise))


def render_exercise_page(
    exercise: Exercise, exercises: dict[str, Exercise], titles: dict, lang: str, page_url: str, page_src: str,
    directory_urls: bool = True,
) -> str:
    related_exercises = [exercises[i] for i in exercise.related.exercises]
    return _env.get_template("exercise_page.md.j2").render(
        _context(
            lang, page_url, page_src, directory_urls, ex=exercise, related_exercises=related_exercises, titles=titles,
            timer_blocks=timer_blocks(exercise, lang),
        )
    )


def timer_blocks(exercise: Exercise, lang: str) -> list[dict]:
    """The exercise as one block of the live timer (lib/timer.js mountTimer): its steps'
    titles, minutes and words to say, in one language."""
    steps = [
        {"title": s.title[lang], "minutes": s.minutes, "say": s.say[lang] if s.say else ""} for s in exercise.steps
    ]
    return [{"title": exercise.title[lang], "minutes": exercise.total_minutes, "steps": steps}]


def render_catalog(exercises: dict[str, Exercise], lang: str, page_url: str, directory_urls: bool = True) -> str:
    ordered = sorted(exercises.values(), key=lambda e: e.title[lang].casefold())
    return _env.get_template("catalog.html.j2").render(
        _context(lang, page_url, directory_urls=directory_urls, exercises=ordered)
    )


def render_deck(
    exercises: dict[str, Exercise], lang: str, page_url: str, page_src: str = "cards/index.md", directory_urls: bool = True
) -> str:
    ordered = sorted(exercises.values(), key=lambda e: e.title[lang].casefold())
    return _env.get_template("deck.html.j2").render(
        _context(lang, page_url, page_src, directory_urls, exercises=ordered, here=page_src)
    )


def render_planner(lang: str, page_url: str, directory_urls: bool = True) -> str:
    return _env.get_template("planner.html.j2").render(_context(lang, page_url, "index.md", directory_urls))


def render_page_list(pages: list, lang: str, page_src: str) -> str:
    return _env.get_template("page_list.md.j2").render(_context(lang, "", page_src, pages=pages))


def render_theme_index(exercises: dict[str, Exercise], lang: str, page_url: str, page_src: str) -> str:
    ordered = sorted(exercises.values(), key=lambda e: e.title[lang].casefold())
    by_theme = {theme: [e for e in ordered if theme in e.themes] for theme in labels(lang)["theme_names"]}
    return _env.get_template("theme_index.md.j2").render(_context(lang, page_url, page_src, by_theme=by_theme))


def render_glossary(glossary, lang: str) -> str:
    return _env.get_template("glossary.html.j2").render(_context(lang, "", terms=glossary.sorted_terms(lang)))


def render_updated(history, lang: str) -> str:
    return _env.get_template("updated.html.j2").render(_context(lang, "", history=history))


def render_whats_new(notes: list, lang: str, page_src: str) -> str:
    return _env.get_template("whats_new.md.j2").render(_context(lang, "", page_src, notes=notes))


def render_programme(programme, exercises: dict[str, Exercise], calendar, lang: str, page_url: str, page_src: str,
                     page_titles: dict[str, str], planner: bool, directory_urls: bool = True) -> str:
    """A programme's section: intro, timeline and per session the computed agenda.
    `page_titles`: docs path -> title for the pre-reading links; `planner`: whether the
    planner page is built (the "open in planner" link points at it)."""
    from . import plan_link
    from .calendar import month_text
    from .programme import agenda, session_plan

    context = _context(lang, page_url, page_src, directory_urls, programme=programme, page_titles=page_titles,
                       exercises=exercises)
    sessions = [
        {
            "session": s,
            "when": month_text(calendar.months(s.month), lang),
            "rows": agenda(s, programme.start, exercises),
            "plan_href": plan_link.plan_href(session_plan(programme, s, lang), context["url"]) if planner else None,
        }
        for s in programme.sessions
    ]
    timeline = [
        {"event": calendar.event(e), "when": month_text(calendar.months(e), lang)} for e in programme.calendar
    ]
    return _env.get_template("programme.md.j2").render(context, sessions=sessions, timeline=timeline)


def render_annual_cycle(calendar, exercises: dict[str, Exercise], lang: str, page_src: str,
                        page_titles: dict[str, str]) -> str:
    """The year at a glance: one row per event that is not part of another."""
    from .calendar import month_text

    rows = []
    for event in calendar.events:
        if event.part_of:
            continue
        page = event.link.split("#")[0]
        if page.startswith("exercises/"):
            title = exercises[page.removeprefix("exercises/").removesuffix(".md")].title[lang]
        else:
            title = page_titles[page]
        rows.append({"event": event, "when": month_text(calendar.months(event.id), lang), "link_title": title})
    return _env.get_template("annual_cycle.md.j2").render(_context(lang, "", page_src, rows=rows))


def render_template_form(form, lang: str) -> str:
    data = form.for_language(lang, labels(lang)["forms"])
    return _env.get_template("template_form.html.j2").render(_context(lang, "", form=form, data=data))


def render_learning(template: str, lang: str, **data) -> str:
    """A self-study block (macros/templates/learning_<template>.html.j2)."""
    return _env.get_template(f"learning_{template}.html.j2").render(_context(lang, "", **data))
