"""Language quality over the built text of every page: terminology and spelling.

Unknown-word rate = words the spell checker does not know / all words checked,
per language; the project keeps it at or below 0.5 %. Fix the text before adding
to tests/wordlists/ (names and established terms only)."""
from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest
import yaml

from .language import content_text, needs_checking, unknown_finnish, unknown_swedish, words
from .sitehtml import html_pages, page_language
from macros.languages import LANGUAGES

ROOT = Path(__file__).resolve().parent.parent
OUTDATED = re.compile(r"\b(esimie(s|h|st)\w*|alai(nen|se)\w*|förm[aä]n\w*)", re.I)
GLOSSARY_NOTE = "kv-glossary__note"  # the glossary entries that explain the outdated words
MAX_UNKNOWN_RATE = 0.005


def texts_by_language(site: Path, skip_classes=()) -> dict[str, list[tuple[str, str]]]:
    texts: dict[str, list[tuple[str, str]]] = {"fi": [], "sv": []}
    for page in html_pages(site):
        lang = page_language(site, page)
        texts[lang].append((page.relative_to(site).as_posix(), content_text(page, lang, skip_classes)))
    return texts


def test_no_outdated_terms_on_any_page(site):
    hits = [
        f"{path}: {match.group(0)}"
        for pages in texts_by_language(site, (GLOSSARY_NOTE,)).values()
        for path, text in pages
        for match in OUTDATED.finditer(text)
    ]
    assert not hits, "Use esihenkilö, työntekijä/asiantuntija, chef:\n" + "\n".join(hits)


def test_no_outdated_terms_in_the_sources():
    sources = [*ROOT.glob("docs/**/*.md"), *ROOT.glob("exercises/*.yml"), *ROOT.glob("macros/labels/*.yml")]
    hits = [f"{f.relative_to(ROOT)}: {m.group(0)}" for f in sources for m in OUTDATED.finditer(f.read_text(encoding="utf-8"))]
    glossary = yaml.safe_load((ROOT / "data" / "glossary.yml").read_text(encoding="utf-8"))
    for term in glossary["terms"]:
        fields = {k: v for k, v in term.items() if k != "note"}
        hits += [f"data/glossary.yml: {term['id']}: {m.group(0)}" for m in OUTDATED.finditer(str(fields))]
    assert not hits, "\n".join(hits)


def test_the_glossary_explains_the_outdated_terms(site):
    html = (site / "glossary" / "index.html").read_text(encoding="utf-8")
    notes = " ".join(re.findall(rf'class="{GLOSSARY_NOTE}">([^<]*)<', html))
    assert re.search(r"\besimie", notes, re.I) and re.search(r"\balai", notes, re.I)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_unknown_word_rate_is_at_most_half_a_percent(site, lang):
    counts: Counter[str] = Counter()
    for _, text in texts_by_language(site)[lang]:
        counts.update(w for w in words(text) if needs_checking(w, lang))
    unknown = (unknown_finnish if lang == "fi" else unknown_swedish)(set(counts))
    unknown_total = sum(counts[w] for w in unknown)
    total = sum(counts.values())
    rate = unknown_total / total
    print(f"\n{lang}: unknown-word rate {rate:.3%} ({unknown_total} of {total} words)")
    worst = ", ".join(f"{w} ({counts[w]})" for w in sorted(unknown, key=lambda w: -counts[w])[:40])
    assert rate <= MAX_UNKNOWN_RATE, f"{lang}: {rate:.3%} unknown; most frequent: {worst}"
