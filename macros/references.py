"""Check what the exercises point at: other exercises, guides, templates and their own pages."""
from __future__ import annotations

from pathlib import Path

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
