"""One source for the year's timing (data/calendar.yml): month names in the page's
language, and no page, exercise or programme that names an event with another month."""
from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from macros.calendar import load_calendar, month_text, runs
from macros.languages import LANGUAGES

ROOT = Path(__file__).resolve().parent.parent
CALENDAR = load_calendar(ROOT)

# A month as running text writes it: Finnish in any case ("joulukuussa") and as the
# first half of a range ("syys–marraskuussa"); Swedish by name.
FI_STEMS = ["tammi", "helmi", "maalis", "huhti", "touko", "kesä", "heinä", "elo", "syys", "loka", "marras", "joulu"]
SV_NAMES = ["januari", "februari", "mars", "april", "maj", "juni", "juli", "augusti", "september", "oktober",
            "november", "december"]
MONTH = {
    "fi": re.compile(r"\b(" + "|".join(FI_STEMS) + r")(?:kuu\w*|–)", re.I),
    "sv": re.compile(r"\b(" + "|".join(SV_NAMES) + r")\b", re.I),
}
SEASON = {
    "fi": {r"\bkevä": {3, 4, 5}, r"\bsyks": {9, 10, 11}},
    "sv": {r"\bvår(?:en)?\b": {3, 4, 5}, r"\bhöst(?:en)?\b": {9, 10, 11}},
}
# A month belongs to the event named in the same clause: split at sentence ends, commas
# and "ja"/"och" (not the one inside "palaute- ja arviointikeskustelu").
CLAUSE = re.compile(r"(?<=[.!?:;])\s+|\n|,\s+|(?<!-)\s(?:ja|och)\s")


def month_number(lang: str, word: str) -> int:
    return (FI_STEMS if lang == "fi" else SV_NAMES).index(word.lower()) + 1


def texts(lang: str):
    """(file, text) of every page and every data text in one language."""
    for file in sorted((ROOT / "docs" / lang).rglob("*.md")):
        yield file.relative_to(ROOT).as_posix(), file.read_text(encoding="utf-8")
    for folder in ("exercises", "programmes"):
        for file in sorted((ROOT / folder).glob("*.yml")):
            values = []

            def walk(node):
                if isinstance(node, dict):
                    for key, value in node.items():
                        if key == lang and isinstance(value, str):
                            values.append(value)
                        else:
                            walk(value)
                elif isinstance(node, list):
                    for item in node:
                        walk(item)

            walk(yaml.safe_load(file.read_text(encoding="utf-8")))
            yield file.relative_to(ROOT).as_posix(), "\n".join(values)


def contradictions(lang: str) -> list[str]:
    found = []
    for shown, text in texts(lang):
        for sentence in CLAUSE.split(text):
            lower = sentence.lower()
            events = [e for e in CALENDAR.events if any(re.search(r"\b" + re.escape(p), lower) for p in e.phrases[lang])]
            if len(events) != 1:
                continue  # no event, or several: the sentence relates them, it does not date one
            allowed = set(CALENDAR.months(events[0].id))
            # "ennen joulukuuta" / "före december" relates the event to a month, it does not date it.
            sentence = re.sub(r"\b(?:ennen|före|efter)\s+\w+", "", sentence, flags=re.I)
            for word in MONTH[lang].findall(sentence):
                if month_number(lang, word) not in allowed:
                    found.append(f"{shown}: '{events[0].id}' is in {sorted(allowed)}, the text says {word}: {sentence.strip()[:160]}")
            for pattern, months in SEASON[lang].items():
                if re.search(pattern, lower) and not months & allowed:
                    found.append(f"{shown}: '{events[0].id}' is in {sorted(allowed)}, the text names a season outside it: {sentence.strip()[:160]}")
    return found


@pytest.mark.parametrize("lang", LANGUAGES)
def test_no_page_names_another_month_for_an_event_than_the_calendar(lang):
    assert contradictions(lang) == []


def test_month_names_follow_each_language():
    assert month_text([9, 10, 11, 1], "fi", "in") == "syys–marraskuussa ja tammikuussa"
    assert month_text([9, 10, 11, 1], "sv", "in") == "i september–november och i januari"
    assert month_text([12], "fi", "of") == "joulukuun"
    assert month_text([6], "sv", "name") == "juni"
    assert month_text(list(range(1, 13)), "fi") == "joka kuukausi"
    assert runs([11, 12, 1, 2]) == [[11, 12, 1, 2]]


def test_the_supervisor_series_runs_from_september_to_january_everywhere():
    """The contradiction of issue 8: one page said September-January, another September-November."""
    assert CALENDAR.months("supervisor-series") == [9, 10, 11, 1]
    assert CALENDAR.months("supervisor-session-3") == [11], "the feedback session comes before December"
    assert len(CALENDAR.months("mid-year-check")) == 1, "the mid-year check has one time"
