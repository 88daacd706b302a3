"""fi/sv parity: the same pages, the same heading structure, the same links, the same label keys."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from macros.labels import LABELS_DIR, key_paths, missing_label_keys
import yaml
from macros.languages import LANGUAGES

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*(?:\{\s*#([\w-]+)\s*\})?\s*$")
LINK = re.compile(r"\]\(([^)\s]+)(?:\s+\"[^\"]*\")?\)")
MACRO = re.compile(r"\{\{.*?\}\}")
# A reflection's question is the page's own text, in its language; its key is the same.
REFLECTION_QUESTION = re.compile(r"(\{\{\s*reflection\(\s*\"[^\"]*\")\s*,\s*\"[^\"]*\"")
FENCE = re.compile(r"^\s*(```|~~~)")


def pages(lang: str) -> set[str]:
    return {p.relative_to(DOCS / lang).as_posix() for p in (DOCS / lang).rglob("*.md")}


def structure(file: Path) -> dict:
    """Heading levels and ids, link targets and macro calls, in order."""
    headings, in_fence = [], False
    text = file.read_text(encoding="utf-8")
    for line in text.splitlines():
        if FENCE.match(line):
            in_fence = not in_fence
            continue
        match = HEADING.match(line)
        if match and not in_fence:
            headings.append((len(match.group(1)), match.group(3)))
    return {
        "headings": headings,
        "links": [link for link in LINK.findall(text) if not link.startswith(("http:", "https:", "mailto:"))],
        "macros": [REFLECTION_QUESTION.sub(r"\1", call) for call in MACRO.findall(text)],
    }


def test_both_languages_have_the_same_pages():
    assert pages("fi") == pages("sv"), (
        f"only in fi: {sorted(pages('fi') - pages('sv'))}; only in sv: {sorted(pages('sv') - pages('fi'))}"
    )


@pytest.mark.parametrize("path", sorted(pages("fi") & pages("sv")))
def test_page_structure_is_the_same_in_both_languages(path):
    fi, sv = structure(DOCS / "fi" / path), structure(DOCS / "sv" / path)
    assert fi["headings"] == sv["headings"], f"{path}: heading levels/ids differ"
    assert fi["links"] == sv["links"], f"{path}: links differ"
    assert fi["macros"] == sv["macros"], f"{path}: macro calls differ"


def test_reflections_have_the_same_keys_in_both_languages():
    """A reflection's answer is kept under its key: the same keys, in the same order,
    in each language's page (the question is each page's own text)."""
    from macros.learning import reflection_keys

    differ = []
    for path in sorted(pages("fi") & pages("sv")):
        keys = {lang: reflection_keys((DOCS / lang / path).read_text(encoding="utf-8")) for lang in LANGUAGES}
        if len({tuple(k) for k in keys.values()}) > 1:
            differ.append(f"{path}: {keys}")
    assert not differ, differ
    lessons = [p for p in pages("fi") if p.startswith("self-study/") and p.count("/") == 2 and not p.endswith("index.md")]
    without = [p for p in lessons if not reflection_keys((DOCS / "fi" / p).read_text(encoding="utf-8"))]
    assert lessons and not without, f"lessons without a reflection field: {without}"


def test_the_parity_check_ignores_a_reflection_question_but_not_its_key(tmp_path):
    fi, sv = tmp_path / "fi.md", tmp_path / "sv.md"
    fi.write_text('{{ reflection("r1", "Mitä opit?") }}\n', encoding="utf-8")
    sv.write_text('{{ reflection("r1", "Vad lärde du dig?") }}\n', encoding="utf-8")
    assert structure(fi)["macros"] == structure(sv)["macros"]
    sv.write_text('{{ reflection("r2", "Vad lärde du dig?") }}\n', encoding="utf-8")
    assert structure(fi)["macros"] != structure(sv)["macros"]


def test_headings_with_ids_use_language_neutral_ascii():
    bad = []
    for file in DOCS.glob("*/**/*.md"):
        for level, heading_id in structure(file)["headings"]:
            if heading_id and not re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", heading_id):
                bad.append(f"{file.relative_to(ROOT)}: {heading_id}")
    assert not bad, bad


def test_label_tables_have_the_same_keys():
    tables = {lang: yaml.safe_load((LABELS_DIR / f"{lang}.yml").read_text(encoding="utf-8")) for lang in LANGUAGES}
    assert missing_label_keys(tables) == []
    assert len(key_paths(tables["fi"])) > 50


def test_every_label_is_used():
    """A label no template shows is text that reads as done but never reaches a reader."""
    sources = [*(ROOT / "macros" / "templates").glob("*.j2"), *(ROOT / "macros").glob("*.py"), *(ROOT / "overrides").rglob("*.html")]
    code = " ".join(p.read_text(encoding="utf-8") for p in sources)  # theme templates read them as kv_t.<key>
    table = yaml.safe_load((LABELS_DIR / "fi.yml").read_text(encoding="utf-8"))
    unused = [key for key in table if not re.search(rf"t\.{key}\b|\[\"{key}\"\]", code)]
    assert not unused, f"remove or use: {unused}"


def test_a_missing_label_is_named_with_file_key_and_language():
    tables = {"fi": {"a": 1, "themes": {"x": 1}}, "sv": {"a": 1, "themes": {}}}
    assert missing_label_keys(tables) == [
        "macros/labels/sv.yml: themes.x [sv]: label missing (macros/labels/fi.yml has it)"
    ]
