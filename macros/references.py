"""Check what the exercises point at: other exercises, guides, templates and their own pages."""
from __future__ import annotations

import re
from pathlib import Path

from .calendar import unknown_event
from .errors import ContentError
from .model import LANGUAGES, Exercise

# related.<field> -> the docs folder its ids live in
PAGE_FOLDERS = {"guides": "guides", "templates": "templates"}
EXERCISE_PAGES = "exercises"


def page_ids(docs_dir: Path, lang: str, folder: str) -> set[str]:
    return {p.stem for p in (docs_dir / lang / folder).glob("*.md") if p.stem != "index"}


def check_references(exercises: dict[str, Exercise], docs_dir: Path, exercises_dir_name: str = "exercises") -> None:
    problems: list[str] = []
    for ex in exercises.values():
        source = f"{exercises_dir_name}/{ex.id}.yml"
        for i, other in enumerate(ex.related.exercises):
            if other not in exercises:
                problems.append(f"{source}: related.exercises[{i}]: no exercise has the id '{other}'")
        for field, folder in PAGE_FOLDERS.items():
            for i, target in enumerate(getattr(ex.related, field)):
                for lang in LANGUAGES:
                    if target not in page_ids(docs_dir, lang, folder):
                        problems.append(
                            f"{source}: related.{field}[{i}] [{lang}]: no page docs/{lang}/{folder}/{target}.md"
                        )
    if problems:
        raise ContentError(problems)


def check_exercise_pages(exercises: dict[str, Exercise], docs_dir: Path) -> None:
    """Each exercise needs its page in both languages, and each page needs its exercise."""
    problems: list[str] = []
    for lang in LANGUAGES:
        pages = page_ids(docs_dir, lang, EXERCISE_PAGES)
        for missing in sorted(set(exercises) - pages):
            problems.append(
                f"exercises/{missing}.yml: [{lang}]: no page docs/{lang}/{EXERCISE_PAGES}/{missing}.md "
                "(run: make exercise-pages)"
            )
        for orphan in sorted(pages - set(exercises)):
            problems.append(
                f"docs/{lang}/{EXERCISE_PAGES}/{orphan}.md: [{lang}]: no exercises/{orphan}.yml for this page"
            )
    if problems:
        raise ContentError(problems)


def check_translations(docs_dir: Path) -> None:
    """Every Markdown page exists in both language folders (pages outside the nav included)."""
    trees = {lang: {p.relative_to(docs_dir / lang).as_posix() for p in (docs_dir / lang).rglob("*.md")} for lang in LANGUAGES}
    problems = []
    for lang in LANGUAGES:
        for other in LANGUAGES:
            for path in sorted(trees[other] - trees[lang]):
                problems.append(f"docs/{other}/{path}: [{lang}]: translation missing: create docs/{lang}/{path}")
    if problems:
        raise ContentError(problems)


# The macros define_env registers (a test keeps the two lists the same), and the
# calls whose first argument names an exercise or a docs folder.
MACRO_NAMES = (
    "exercise_page", "exercise_card", "exercise_catalog", "card_deck", "theme_index", "glossary_table", "page_list",
    "use_module", "template_form", "reflection", "learning_summary", "planner",
    "month_of", "programme", "annual_cycle", "whats_new",
)
FEATURE_SCRIPTS = "overrides/assets/js"  # use_module("x") loads x.js from here
MACRO_CALL = re.compile(r"\{\{-?\s*([A-Za-z_]\w*)\s*\(\s*(?:(['\"])(.*?)\2)?")


def unknown_exercise(exercise_id: str) -> str:
    return f"no exercise has the id '{exercise_id}'"


def unknown_form(form_id: str) -> str:
    return f"no form forms/{form_id}.yml"


def unknown_section(lang: str, section: str) -> str:
    return f"no folder docs/{lang}/{section}/"


def unknown_programme(programme_id: str) -> str:
    return f"no programmes/{programme_id}.yml"


def check_macro_calls(docs_dir: Path, exercises: dict[str, Exercise], calendar=None, root: Path | None = None,
                      forms: dict | None = None) -> None:
    """Each macro a page calls exists, and an id written in the call names an
    exercise or a docs folder: found here, before the render, so the build and
    `make validate` list it like any other problem."""
    problems = []
    for lang in LANGUAGES:
        for file in sorted((docs_dir / lang).rglob("*.md")):
            shown = f"{docs_dir.name}/{file.relative_to(docs_dir).as_posix()}"
            for name, _, argument in MACRO_CALL.findall(file.read_text(encoding="utf-8", errors="replace")):
                if name not in MACRO_NAMES:
                    problems.append(f"{shown}: {name} [{lang}]: no macro of this name (there are: {', '.join(MACRO_NAMES)})")
                elif name in ("exercise_card", "exercise_page") and argument and argument not in exercises:
                    problems.append(f"{shown}: {name} [{lang}]: {unknown_exercise(argument)}")
                elif name == "template_form" and forms is not None and (argument or file.stem) not in forms:
                    problems.append(f"{shown}: {name} [{lang}]: {unknown_form(argument or file.stem)}")
                elif name == "page_list" and argument and not (docs_dir / lang / argument).is_dir():
                    problems.append(f"{shown}: {name} [{lang}]: {unknown_section(lang, argument)}")
                elif name == "use_module" and argument and not (docs_dir.parent / FEATURE_SCRIPTS / f"{argument}.js").is_file():
                    problems.append(f"{shown}: {name} [{lang}]: no script {FEATURE_SCRIPTS}/{argument}.js")
                elif name == "month_of" and argument and calendar is not None and argument not in calendar.ids():
                    problems.append(f"{shown}: {name} [{lang}]: {unknown_event(argument)}")
                elif name == "programme" and argument and root is not None and not (root / "programmes" / f"{argument}.yml").is_file():
                    problems.append(f"{shown}: {name} [{lang}]: {unknown_programme(argument)}")
    if problems:
        raise ContentError(problems)
