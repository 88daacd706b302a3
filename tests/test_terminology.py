"""One term per concept: the project terminology lists against the source texts.

Each file data/terminology/<lang>.yml lists, per concept, the preferred term and the
variants to avoid. An `avoid` item matches case-insensitively at the start of a word,
so a stem catches every inflection. The sources of a language are docs/<lang>/**/*.md
and the <lang> fields of exercises/*.yml, data/glossary.yml (without its notes, which
name the words to avoid on purpose) and macros/labels/<lang>.yml. Plain file reading,
no build: the whole check takes well under a second."""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
TERMINOLOGY = ROOT / "data" / "terminology"
ENTRY_KEYS = {"concept", "preferred", "avoid", "note"}


@dataclass(frozen=True)
class Entry:
    concept: str
    preferred: str
    avoid: tuple[str, ...]


@dataclass(frozen=True)
class Hit:
    source: str
    found: str
    entry: Entry

    def __str__(self) -> str:
        return f"{self.source}: '{self.found}' ({self.entry.concept}): use '{self.entry.preferred}'"


def load_entries(file: Path) -> list[Entry]:
    """Read one terminology file, stopping with the file and entry named if its shape is wrong."""
    data = yaml.safe_load(file.read_text(encoding="utf-8"))
    name = file.relative_to(ROOT).as_posix() if file.is_relative_to(ROOT) else file.name
    assert isinstance(data, list), f"{name}: expected a list of entries"
    entries = []
    for i, item in enumerate(data):
        where = f"{name}: entry {i}"
        assert isinstance(item, dict), f"{where}: expected a mapping"
        assert not set(item) - ENTRY_KEYS, f"{where}: unknown keys {sorted(set(item) - ENTRY_KEYS)}"
        for key in ("concept", "preferred"):
            assert isinstance(item.get(key), str) and item[key].strip(), f"{where}: '{key}' must be a non-empty text"
        avoid = item.get("avoid")
        assert isinstance(avoid, list) and avoid and all(isinstance(a, str) and a.strip() for a in avoid), (
            f"{where} ({item['concept']}): 'avoid' must be a non-empty list of texts"
        )
        entries.append(Entry(item["concept"], item["preferred"], tuple(avoid)))
    return entries


def _pattern(item: str) -> re.Pattern[str]:
    # At the start of a word; the rest of the word is reported with it.
    return re.compile(r"(?<!\w)" + re.escape(item) + r"[\w-]*", re.IGNORECASE)


def find_variants(source: str, text: str, entries: list[Entry]) -> list[Hit]:
    return [
        Hit(source, match.group(0), entry)
        for entry in entries
        for item in entry.avoid
        for match in _pattern(item).finditer(text)
    ]


def _strings_in_language(node, lang: str, path: str = "", skip: frozenset[str] = frozenset()):
    """(path, text) for every text under a key named `lang`, anywhere in a YAML tree."""
    if isinstance(node, dict):
        for key, value in node.items():
            if key in skip:
                continue
            sub = f"{path}.{key}" if path else str(key)
            if key == lang and isinstance(value, str):
                yield sub, value
            else:
                yield from _strings_in_language(value, lang, sub, skip)
    elif isinstance(node, list):
        for i, value in enumerate(node):
            yield from _strings_in_language(value, lang, f"{path}[{i}]", skip)


def _all_strings(node, path: str = ""):
    if isinstance(node, str):
        yield path, node
    elif isinstance(node, dict):
        for key, value in node.items():
            yield from _all_strings(value, f"{path}.{key}" if path else str(key))
    elif isinstance(node, list):
        for i, value in enumerate(node):
            yield from _all_strings(value, f"{path}[{i}]")


def _load_yaml(file: Path):
    return yaml.safe_load(file.read_text(encoding="utf-8"))


def source_texts(lang: str, root: Path = ROOT):
    """(source, text) for every text in the given language, source naming file and field."""
    for page in sorted((root / "docs" / lang).rglob("*.md")):
        yield page.relative_to(root).as_posix(), page.read_text(encoding="utf-8")
    for file in sorted((root / "exercises").glob("*.yml")):
        if file.name.startswith("_"):
            continue  # the template for new exercises holds placeholder texts
        for field, text in _strings_in_language(_load_yaml(file), lang):
            yield f"{file.relative_to(root).as_posix()}: {field}", text
    glossary = root / "data" / "glossary.yml"
    for field, text in _strings_in_language(_load_yaml(glossary), lang, skip=frozenset({"note"})):
        yield f"{glossary.relative_to(root).as_posix()}: {field}", text
    labels = root / "macros" / "labels" / f"{lang}.yml"
    if labels.exists():
        for field, text in _all_strings(_load_yaml(labels)):
            yield f"{labels.relative_to(root).as_posix()}: {field}", text


def check_language(lang: str, entries: list[Entry], root: Path = ROOT) -> list[Hit]:
    return [hit for source, text in source_texts(lang, root) for hit in find_variants(source, text, entries)]


def report(lang: str, hits: list[Hit]) -> str:
    return f"data/terminology/{lang}.yml: {len(hits)} rejected variant(s):\n" + "\n".join(map(str, hits))


LANGUAGES = sorted(p.stem for p in TERMINOLOGY.glob("*.yml"))


def test_there_is_a_terminology_list():
    assert "fi" in LANGUAGES, "data/terminology/fi.yml is missing"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_terminology_file_is_well_formed(lang):
    entries = load_entries(TERMINOLOGY / f"{lang}.yml")
    assert (ROOT / "docs" / lang).is_dir(), f"data/terminology/{lang}.yml: no docs/{lang}/ for this language code"
    for entry in entries:
        own = find_variants("preferred", entry.preferred, [entry])
        assert not own, f"data/terminology/{lang}.yml: {entry.concept}: the preferred term matches its own 'avoid' list: {own[0].found}"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_sources_use_the_preferred_terms(lang):
    hits = check_language(lang, load_entries(TERMINOLOGY / f"{lang}.yml"))
    assert not hits, report(lang, hits)


# The check itself: it must be able to fail, and say where and what to write instead.

SAMPLE = [Entry("VPJ performance factor", "arviointitekijä", ("suoritustekij", "VPJ-tekij"))]


def test_a_rejected_variant_fails_naming_file_variant_and_preferred_term():
    hits = find_variants("docs/fi/x.md", "Käykää läpi Suoritustekijät ja jokainen VPJ-tekijä.", SAMPLE)
    assert [h.found for h in hits] == ["Suoritustekijät", "VPJ-tekijä"]
    message = report("fi", hits)
    assert "docs/fi/x.md" in message and "'Suoritustekijät'" in message and "use 'arviointitekijä'" in message


def test_a_variant_matches_only_at_the_start_of_a_word():
    assert not find_variants("x", "arviointitekijä, kuormitustekijät ja tekijä", SAMPLE)
    assert not find_variants("x", "palkkausjärjestelmäsopimukset", [Entry("agreed", "sovitut asiat", ("sopimukset",))])


def test_the_check_reads_every_kind_of_source(tmp_path):
    (tmp_path / "docs" / "fi").mkdir(parents=True)
    (tmp_path / "docs" / "fi" / "page.md").write_text("Arvioi suoritustekijät.\n", encoding="utf-8")
    (tmp_path / "exercises").mkdir()
    (tmp_path / "exercises" / "x.yml").write_text(
        "title:\n  fi: VPJ-tekijät\n  sv: Faktorer\nsteps:\n  - do:\n      fi: Suoritustekijä kerrallaan\n", encoding="utf-8"
    )
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "glossary.yml").write_text(
        "terms:\n  - id: a\n    fi: suoritustekijä\n    note:\n      fi: Älä sano suoritustekijä.\n", encoding="utf-8"
    )
    (tmp_path / "macros" / "labels").mkdir(parents=True)
    (tmp_path / "macros" / "labels" / "fi.yml").write_text("factors: VPJ-tekijät\n", encoding="utf-8")
    sources = sorted(h.source for h in check_language("fi", SAMPLE, tmp_path))
    assert sources == [
        "data/glossary.yml: terms[0].fi",
        "docs/fi/page.md",
        "exercises/x.yml: steps[0].do.fi",
        "exercises/x.yml: title.fi",
        "macros/labels/fi.yml: factors",
    ]


def built_pages(site: Path, lang: str):
    """(page path, built HTML file) for every page of a language in the built site."""
    from .site_pages import DOCS, page_path

    for md in sorted((DOCS / lang).rglob("*.md")):
        path = page_path(lang, md)
        yield path, site / path / "index.html"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_built_pages_use_the_preferred_terms(site, lang):
    """The text a reader sees, after macros have filled in data and labels: a rejected
    variant that reaches a page through a template or a macro is caught here too."""
    from .language import content_text

    entries = load_entries(TERMINOLOGY / f"{lang}.yml")
    hits, pages = [], 0
    for path, html in built_pages(site, lang):
        assert html.is_file(), f"{path}: not built ({html.relative_to(site)} is missing)"
        pages += 1
        hits += find_variants(f"page /{path}", content_text(html, lang), entries)
    assert pages, f"no {lang} pages found in the built site: the test checks nothing"
    assert not hits, report(lang, hits)
