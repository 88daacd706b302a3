"""Load and check all structured content once per build."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from .calendar import Calendar, load_calendar
from .errors import ContentError
from .forms import Form, load_forms
from .glossary import Glossary, load_glossary
from .history import History, exercise_history, is_exercise_page
from .labels import all_labels
from .loader import load_exercises
from .model import LANGUAGES, Exercise
from .pages import check_pages, page_title, section_pages
from .programme import Programme, load_programmes
from .references import check_exercise_pages, check_macro_calls, check_references, check_translations


@dataclass
class Content:
    exercises: dict[str, Exercise]
    titles: dict[str, dict[str, dict[str, str]]]  # section -> lang -> id -> title
    glossary: Glossary
    calendar: Calendar
    programmes: dict[str, Programme]
    histories: dict[str, dict[str, History]]  # page path in its language folder -> lang -> History
    forms: dict[str, Form] = field(default_factory=dict)  # forms/<template-id>.yml

    def history(self, lang: str, src: str) -> History:
        """The dates and notes of a page, e.g. src "guides/feedback.md"."""
        rel = PurePosixPath(src)
        if is_exercise_page(rel):
            return exercise_history(self.exercises[rel.stem], lang)
        return self.histories[src][lang]

    def titles_for(self, lang: str) -> dict[str, dict[str, str]]:
        return {section: by_lang[lang] for section, by_lang in self.titles.items()}


def load_content(root: Path) -> Content:
    """Everything the macros render, checked; raises one ContentError listing every
    problem found (file, field and language), so an author fixes them in one go."""
    docs_dir = root / "docs"
    problems: list[str] = []

    def check(step, *args):
        try:
            return step(*args)
        except ContentError as exc:
            problems.extend(exc.problems)

    check(all_labels, root / "macros" / "labels")
    check(check_translations, docs_dir)
    histories = check(check_pages, docs_dir)
    glossary = check(load_glossary, root)
    exercises = check(load_exercises, root / "exercises", root)
    calendar = check(load_calendar, root)
    forms = check(load_forms, root)  # None when a form is bad: its calls are not checked then
    programmes = None
    if exercises is not None:
        check(check_references, exercises, docs_dir)
        check(check_exercise_pages, exercises, docs_dir)
        if calendar is not None:
            check(check_macro_calls, docs_dir, exercises, calendar, root, forms)
            programmes = check(load_programmes, root, exercises, calendar)
    if problems:
        raise ContentError(problems)
    titles = {
        section: {lang: {p.id: p.title for p in section_pages(docs_dir, lang, section)} for lang in LANGUAGES}
        for section in ("guides", "templates")
    }
    return Content(
        exercises=exercises, titles=titles, glossary=glossary, calendar=calendar, programmes=programmes or {},
        histories=histories, forms=forms or {},
    )


@dataclass(frozen=True)
class Note:
    date: object  # datetime.date
    note: str
    title: str
    src: str  # page path in the language folder, for a Markdown link


def whats_new_entries(content: Content, docs_dir: Path, lang: str) -> list[Note]:
    """Every change note of one language, newest first (then by page title)."""
    notes = []
    for src in content.histories:
        for day, note in content.histories[src][lang].changes:
            notes.append(Note(day, note, page_title(docs_dir / lang / src), src))
    for exercise in content.exercises.values():
        for change in exercise.changes:
            notes.append(Note(change.date, change.note[lang], exercise.title[lang], f"exercises/{exercise.id}.md"))
    return sorted(notes, key=lambda n: (-n.date.toordinal(), n.title.casefold()))
