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
from .model import LANGUAGES
from .pages import section_pages
from .references import unknown_exercise, unknown_section


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
        return render.render_exercise_page(
            content.exercises[exercise_id], content.exercises, content.titles_for(lang), lang, page_url(), page_src()
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
        return render.render_catalog(content.exercises, language(), page_url(), directory_urls())

    @env.macro
    def card_deck() -> str:
        return render.render_deck(content.exercises, language(), page_url(), page_src(), directory_urls())

    @env.macro
    def theme_index() -> str:
        return render.render_theme_index(content.exercises, language(), page_url(), page_src())

    @env.macro
    def glossary_table() -> str:
        return render.render_glossary(content.glossary, language())

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


def on_post_page_macros(env) -> None:
    """After the macros of a page: add its "last updated" line with its change notes
    (from its front matter, or its exercise file) and the abbreviations (the abbr
    extension turns each listed abbreviation into <abbr title="...">)."""
    lang = env.conf["plugins"]["i18n"].current_language
    parts = PurePosixPath(env.page.file.src_uri).parts
    src = str(PurePosixPath(*parts[1:])) if parts and parts[0] in LANGUAGES else env.page.file.src_uri
    footer = render.render_updated(env.kv_content.history(lang, src), lang)
    env.markdown += "\n\n" + footer + "\n\n" + abbreviation_lines(env.kv_content.glossary, lang) + "\n"
