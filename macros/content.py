"""Load and check all structured content once per build."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .labels import all_labels
from .loader import load_exercises
from .model import Exercise
from .pages import section_titles
from .references import check_exercise_pages, check_references, check_translations


@dataclass
class Content:
    exercises: dict[str, Exercise]
    titles: dict[str, dict[str, dict[str, str]]]  # section -> lang -> id -> title

    def titles_for(self, lang: str) -> dict[str, dict[str, str]]:
        return {section: by_lang[lang] for section, by_lang in self.titles.items()}


def load_content(root: Path) -> Content:
    """Everything the macros render, checked; raises ContentError naming file, field and language."""
    docs_dir = root / "docs"
    all_labels()
    check_translations(docs_dir)
    exercises = load_exercises(root / "exercises", root)
    check_references(exercises, docs_dir)
    check_exercise_pages(exercises, docs_dir)
    titles = {section: section_titles(docs_dir, section) for section in ("guides", "templates", "self-study", "programmes")}
    return Content(exercises=exercises, titles=titles)
