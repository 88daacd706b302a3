"""Each content type keeps the conventions of docs/README.md, so a reader always
finds the same parts in the same place."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from .test_labels_and_parity import DOCS, structure
from macros.languages import LANGUAGES

REQUIRED_IDS = {
    "guides": ["phrases", "example", "pitfalls", "next"],
    "templates": ["before", "outline", "form", "after", "more"],
}
LESSON_IDS = ["reflect", "do-now", "self-check", "next"]
DESCRIPTION = re.compile(r"\A---\n(?:.*\n)*?description: .+\n(?:.*\n)*?---\n")
NEXT_STEP_LINK = re.compile(r"\]\((\.\./)+(exercises|templates|self-study)/[^)]+\)")


def pages(section: str) -> list[Path]:
    return sorted(p for p in (DOCS / "fi" / section).glob("*.md") if p.name != "index.md")


def lessons() -> list[Path]:
    return sorted(p for p in (DOCS / "fi" / "self-study").glob("*/*.md") if p.name != "index.md")


@pytest.mark.parametrize("section", REQUIRED_IDS)
def test_every_page_of_a_section_has_its_required_parts(section):
    missing = []
    for page in pages(section):
        ids = [heading_id for _, heading_id in structure(page)["headings"]]
        missing += [f"{page.relative_to(DOCS)}: no heading {{ #{i} }}" for i in REQUIRED_IDS[section] if i not in ids]
    assert pages(section) and not missing, "\n".join(missing)


def test_every_lesson_ends_with_something_to_do():
    missing = []
    for page in lessons():
        ids = [heading_id for _, heading_id in structure(page)["headings"]]
        missing += [f"{page.relative_to(DOCS)}: no heading {{ #{i} }}" for i in LESSON_IDS if i not in ids]
        if "- [ ]" not in page.read_text(encoding="utf-8"):
            missing.append(f"{page.relative_to(DOCS)}: no task list in 'do now'")
    assert lessons() and not missing, "\n".join(missing)


def test_every_guide_leads_to_an_exercise_template_or_module():
    lonely = [p.relative_to(DOCS).as_posix() for p in pages("guides") if not NEXT_STEP_LINK.search(p.read_text(encoding="utf-8"))]
    assert not lonely, lonely


def test_every_page_has_a_description():
    missing = [p.relative_to(DOCS).as_posix() for p in DOCS.glob("*/**/*.md")
               if "exercises/" not in p.relative_to(DOCS).as_posix() or p.name == "index.md"
               if not DESCRIPTION.match(p.read_text(encoding="utf-8"))]
    assert not missing, missing


def test_every_guide_is_in_the_navigation():
    from macros.languages import read_mkdocs_yml

    config = read_mkdocs_yml(DOCS.parent / "mkdocs.yml")
    nav_text = str(config["nav"])
    absent = [f"{section}/{p.name}" for section in ("guides", "templates") for p in pages(section) if f"{section}/{p.name}" not in nav_text]
    absent += [p.relative_to(DOCS / "fi").as_posix() for p in lessons() if p.relative_to(DOCS / "fi").as_posix() not in nav_text]
    assert not absent, f"add to nav in mkdocs.yml: {absent}"


LIST_LINK = re.compile(r"^\s*(?:[-*]|\d+\.)\s+(?:\*\*)?\[([^\]]+)\]\(([^)#\s]+\.md)(?:#[^)]*)?\)", re.M)
# In a table row: a link that fills a cell, alone or in a comma-separated list of links.
CELL_LINK = re.compile(r"(?:\|\s*|,\s+)\[([^\]]+)\]\(([^)#\s]+\.md)(?:#[^)]*)?\)(?=\s*[|,])")


def test_links_that_name_a_page_use_its_title(exercises):
    """A link standing alone in a list item or a table cell says the target's exact
    title, so a renamed page cannot leave old names behind (18F's weak spot)."""
    from macros.pages import page_title

    wrong = []
    for lang in LANGUAGES:
        root = (DOCS / lang).resolve()
        for md in sorted((DOCS / lang).rglob("*.md")):
            text = md.read_text(encoding="utf-8")
            rows = "\n".join(line for line in text.splitlines() if line.startswith("|"))
            for link_text, href in LIST_LINK.findall(text) + CELL_LINK.findall(rows):
                target = (md.parent / href).resolve()
                if not target.exists() or target == root / "index.md":
                    continue
                rel = target.relative_to(root).as_posix()
                if rel.startswith("exercises/") and target.stem in exercises:
                    title = exercises[target.stem].title[lang]
                else:
                    title = page_title(target)
                if link_text != title:
                    wrong.append(f"{md.relative_to(DOCS)}: [{link_text}] should be [{title}]")
    assert not wrong, "\n".join(wrong)
