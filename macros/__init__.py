"""mkdocs-macros entry point: registers the macros and the page hook, nothing else.

The i18n plugin builds each language separately, so define_env runs once per
language; each macro asks for the language being built at call time.
"""
from __future__ import annotations

from pathlib import Path, PurePosixPath

from mkdocs.exceptions import PluginError

from . import render
from .content import load_content, whats_new_entries
from .errors import ContentError
from .glossary import abbreviation_lines
from .labels import all_labels
from .learning import REFLECTION_KEY, SUMMARY_PAGE, catalog, insert_before_heading, nav_order, page_data, page_kind, url_of
from .model import LANGUAGES
from .calendar import FORMS, month_text, unknown_event
from .pages import page_title, section_pages
from .planner import data_file, write_planner_data
from .references import unknown_exercise, unknown_form, unknown_programme, unknown_section


# What's new lists this many of the newest change notes.
RECENT_NOTES = 100


def define_env(env) -> None:
    root = Path(env.project_dir)
    # `mkdocs serve` keeps this module imported between rebuilds: read edited labels anew.
    all_labels.cache_clear()
    try:
        content = load_content(root)
    except ContentError as exc:
        raise PluginError(str(exc)) from None
    # Read by on_post_page_macros below.
    env.kv_content = content
    env.kv_learning = {}  # the self-study module lists, per language (add_learning)

    def language() -> str:
        return env.conf["plugins"]["i18n"].current_language

    def page_src() -> str:
        """The page's source path inside its language folder, e.g. exercises/x.md."""
        parts = PurePosixPath(env.page.file.src_uri).parts
        return str(PurePosixPath(*parts[1:])) if parts and parts[0] in LANGUAGES else env.page.file.src_uri

    def problem(macro: str, what: str) -> PluginError:
        """The same message `make validate` gives (references.check_macro_calls), for a
        call it could not read, e.g. with an id from a variable."""
        shown = f"docs/{env.page.file.src_uri}: {macro} [{language()}]: {what}"
        return PluginError(str(ContentError([shown])))

    def page_url() -> str:
        url = env.page.url
        lang = language()
        return url[len(lang) + 1:] if url.startswith(lang + "/") else url

    @env.macro
    def exercise_page(exercise_id: str | None = None) -> str:
        """The whole exercise page; the id defaults to the page's file name."""
        exercise_id = exercise_id or PurePosixPath(page_src()).stem
        if exercise_id not in content.exercises:
            raise problem("exercise_page", unknown_exercise(exercise_id))
        lang = language()
        use_module("timer")  # the page's "start the timer" button
        use_module("plan-add")  # its "add to plan" button (macros/templates/exercise_page.md.j2)
        return render.render_exercise_page(
            content.exercises[exercise_id], content.exercises, content.titles_for(lang), lang, page_url(), page_src(),
            directory_urls(),
        )

    @env.macro
    def exercise_card(exercise_id: str) -> str:
        """One exercise's card, e.g. inside a programme page."""
        if exercise_id not in content.exercises:
            raise problem("exercise_card", unknown_exercise(exercise_id))
        return render.render_card(content.exercises[exercise_id], language(), page_url())

    def directory_urls() -> bool:
        # Read when a page renders: the offline plugin turns it off in its on_config.
        return env.conf["use_directory_urls"]

    @env.macro
    def exercise_catalog() -> str:
        use_module("catalog")  # the filters
        use_module("plan-add")  # each row's "add to plan" button
        return render.render_catalog(content.exercises, language(), page_url(), directory_urls())

    @env.macro
    def card_deck() -> str:
        use_module("deck")  # ?theme= shows one theme's cards
        return render.render_deck(content.exercises, language(), page_url(), page_src(), directory_urls())

    @env.macro
    def theme_index() -> str:
        return render.render_theme_index(content.exercises, language(), page_url(), page_src())

    @env.macro
    def glossary_table() -> str:
        return render.render_glossary(content.glossary, language())

    def page_titles(lang: str) -> dict[str, str]:
        """Titles of the pages a programme or the calendar links to, by docs path."""
        docs_dir = Path(env.project_dir) / "docs" / lang
        paths = {e.link.split("#")[0] for e in content.calendar.events}
        paths |= {r for p in content.programmes.values() for s in p.sessions for r in s.reading}
        return {p: page_title(docs_dir / p) for p in paths if not p.startswith("exercises/")}

    @env.macro
    def month_of(event_id: str, form: str = "name") -> str:
        """The month(s) of a calendar event in the page's language, e.g.
        month_of('mid-year-check', 'in') -> "kesäkuussa" / "i juni"."""
        if event_id not in content.calendar.ids():
            raise problem("month_of", unknown_event(event_id))
        if form not in FORMS:
            raise problem("month_of", f"no form '{form}' (there are: {', '.join(FORMS)})")
        return month_text(content.calendar.months(event_id), language(), form)

    @env.macro
    def annual_cycle() -> str:
        lang = language()
        return render.render_annual_cycle(content.calendar, content.exercises, lang, page_src(), page_titles(lang))

    @env.macro
    def programme(programme_id: str) -> str:
        """A ready programme's section with computed agendas (programmes/<id>.yml)."""
        if programme_id not in content.programmes:
            raise problem("programme", unknown_programme(programme_id))
        lang = language()
        # The link to the planner appears once the planner page is part of the site.
        planner = (Path(env.project_dir) / "docs" / lang / "planner.md").is_file()
        return render.render_programme(
            content.programmes[programme_id], content.exercises, content.calendar, lang, page_url(), page_src(),
            page_titles(lang), planner, directory_urls(),
        )

    @env.macro
    def use_module(feature: str) -> str:
        """Loads overrides/assets/js/<feature>.js on this page (overrides/main.html)."""
        modules = env.page.meta.setdefault("kv_modules", [])
        if feature not in modules:
            modules.append(feature)
        return ""

    @env.macro
    def template_form(form_id: str | None = None) -> str:
        """A discussion template's form (forms/<id>.yml); the id defaults to the page's file name."""
        form_id = form_id or PurePosixPath(page_src()).stem
        if form_id not in content.forms:
            raise problem("template_form", unknown_form(form_id))
        use_module("forms")
        return render.render_template_form(content.forms[form_id], language())

    @env.macro
    def reflection(key: str, question: str) -> str:
        """A reflection question of a lesson as a text field kept on the device.
        The key names the answer: the same key in every language's page."""
        if not REFLECTION_KEY.fullmatch(key):
            raise problem("reflection", f"key '{key}': use lower-case letters, digits and hyphens")
        seen = env.page.meta.setdefault("kv_reflections", [])
        if key in seen:
            raise problem("reflection", f"key '{key}' is used twice on the page")
        if not question.strip():
            raise problem("reflection", f"key '{key}': the question is empty")
        seen.append(key)
        use_module("learning")
        return render.render_learning("reflection", language(), key=key, question=question)

    @env.macro
    def learning_summary() -> str:
        """The "my learning" summary: name, lessons done, reflections; print, export, import, clear."""
        use_module("learning")
        return render.render_learning("summary", language())

    @env.macro
    def planner() -> str:
        """The session planner (docs/<lang>/planner.md): its page skeleton, its module,
        and its exercise data, a generated script written by on_post_build below."""
        use_module("planner")
        use_module("timer")  # the timer's texts for "start the timer" (its entry idles without exercise steps)
        scripts = env.page.meta.setdefault("kv_scripts", [])
        scripts.append(data_file(language()))
        env.kv_planner_url = page_url()
        return render.render_planner(language(), page_url(), directory_urls())

    @env.macro
    def whats_new() -> str:
        """Every change note of the language's pages and exercises, newest first."""
        lang = language()
        notes = whats_new_entries(content, root / "docs", lang)[:RECENT_NOTES]
        return render.render_whats_new(notes, lang, page_src())

    @env.macro
    def page_list(section: str) -> str:
        """Links to every page of a docs section, read from the files in that folder."""
        lang = language()
        docs_dir = Path(env.project_dir) / "docs"
        if not (docs_dir / lang / section).is_dir():
            raise problem("page_list", unknown_section(lang, section))
        return render.render_page_list(section_pages(docs_dir, lang, section), lang, page_src())


def add_learning(env, lang: str) -> None:
    """Self-study pages get their progress parts by where they are, so a new module
    or lesson needs nothing more than its files: a lesson its "done" mark (before
    "Next"), the self-study home and each module page the progress box, and every
    such page the module list for learning.js (macros/learning.py)."""
    parts = PurePosixPath(env.page.file.src_uri).parts
    src = str(PurePosixPath(*parts[1:])) if parts and parts[0] in LANGUAGES else env.page.file.src_uri
    kind = page_kind(src)
    modules = env.page.meta.setdefault("kv_modules", [])
    if kind is None and "learning" not in modules:
        return
    if "learning" not in modules:
        modules.append("learning")
    directory_urls = env.conf["use_directory_urls"]
    own_url = url_of(src, directory_urls)
    if kind == "lesson":
        env.markdown = insert_before_heading(env.markdown, render.render_learning("done", lang), "next")
    elif kind in ("home", "module"):
        summary = render.relative_url(url_of(SUMMARY_PAGE, directory_urls), own_url)
        block = render.render_learning("progress", lang, summary_url=summary)
        env.markdown = insert_before_heading(env.markdown, block)
    docs_dir = Path(env.project_dir) / "docs"
    if not hasattr(env, "kv_learning"):
        env.kv_learning = {}
    key = (lang, directory_urls)
    if key not in env.kv_learning:
        env.kv_learning[key] = catalog(docs_dir, lang, directory_urls, nav_order())
    data = page_data(env.kv_learning[key], lang, src, own_url)
    env.markdown += "\n\n" + render.render_learning("data", lang, data=data) + "\n"


def on_post_page_macros(env) -> None:
    """After the macros of a page: add its "last updated" line with its change notes
    (from its front matter, or its exercise file) and the abbreviations (the abbr
    extension turns each listed abbreviation into <abbr title="...">)."""
    lang = env.conf["plugins"]["i18n"].current_language
    add_learning(env, lang)
    parts = PurePosixPath(env.page.file.src_uri).parts
    src = str(PurePosixPath(*parts[1:])) if parts and parts[0] in LANGUAGES else env.page.file.src_uri
    footer = render.render_updated(env.kv_content.history(lang, src), lang)
    env.markdown += "\n\n" + footer + "\n\n" + abbreviation_lines(env.kv_content.glossary, lang) + "\n"


def on_post_build(env) -> None:
    """Once per language: the planner's exercise data (macros/planner.py), if this
    language's build has a planner page."""
    url = getattr(env, "kv_planner_url", None)
    if url is None:
        return
    lang = env.conf["plugins"]["i18n"].current_language
    write_planner_data(Path(env.conf["site_dir"]), env.kv_content.exercises, lang, url, env.conf["use_directory_urls"])
