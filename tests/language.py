"""Text of built pages, in the page's own language, for terminology and spell checks."""
from __future__ import annotations

import re
import subprocess
from functools import cache
from html.parser import HTMLParser
from pathlib import Path

# A word, with inner hyphens and apostrophes, and a trailing hyphen (ylä- ja alatunniste).
WORD = re.compile(r"[^\W\d_]+(?:[-’'][^\W\d_]+)*-?")
MAX_ENDING = 5  # a listed word plus an ending this long counts as known (Goldsmithin)
SKIPPED_TAGS = {"code", "pre", "script", "style", "kbd"}
VOID = {"br", "img", "hr", "input", "meta", "link", "source", "wbr"}
WORDLISTS = Path(__file__).parent / "wordlists"


class _ContentText(HTMLParser):
    """Main content text, leaving out code and anything marked as another language
    (the glossary's columns) and, if asked, elements with given classes."""

    def __init__(self, lang: str, skip_classes: tuple[str, ...] = ()):
        super().__init__(convert_charrefs=True)
        self.lang, self.skip_classes = lang, skip_classes
        self.stack: list[bool] = []  # per open element: is its text skipped?
        self.inside = 0
        self.parts: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag in VOID:
            return
        a = dict(attrs)
        classes = (a.get("class") or "").split()
        if self.inside or "md-content__inner" in classes:
            self.inside += 1
        skipped = (
            tag in SKIPPED_TAGS
            or "headerlink" in classes
            or any(c in classes for c in self.skip_classes)
            or (a.get("lang") not in (None, self.lang))
        )
        self.stack.append(skipped or (bool(self.stack) and self.stack[-1]))

    def handle_endtag(self, tag):
        if tag in VOID:
            return
        if self.stack:
            self.stack.pop()
        if self.inside:
            self.inside -= 1

    def handle_data(self, data):
        if self.inside and not (self.stack and self.stack[-1]):
            self.parts.append(data)


def content_text(html_file: Path, lang: str, skip_classes: tuple[str, ...] = ()) -> str:
    parser = _ContentText(lang, skip_classes)
    parser.feed(html_file.read_text(encoding="utf-8"))
    return " ".join(parser.parts)


def words(text: str) -> list[str]:
    return WORD.findall(text)


@cache
def wordlist(lang: str) -> frozenset[str]:
    lines = (WORDLISTS / f"{lang}.txt").read_text(encoding="utf-8").splitlines()
    return frozenset(line.strip().casefold() for line in lines if line.strip() and not line.startswith("#"))


def listed(word: str, lang: str) -> bool:
    """In the project word list, as such or with an inflectional ending."""
    folded = word.casefold().rstrip("-")
    return any(folded.startswith(w) and len(folded) - len(w) <= MAX_ENDING for w in wordlist(lang) if len(w) > 3) or folded in wordlist(lang)


def needs_checking(word: str, lang: str) -> bool:
    return len(word) > 1 and not word.isupper() and not listed(word, lang)


@cache
def _voikko():
    import libvoikko

    return libvoikko.Voikko("fi")


def unknown_finnish(candidates: set[str]) -> set[str]:
    voikko = _voikko()

    def known(word: str) -> bool:
        if voikko.spell(word):
            return True
        parts = re.split(r"[-’']", word)
        return len(parts) > 1 and all(not needs_checking(p, "fi") or voikko.spell(p) for p in parts)

    return {w for w in candidates if not known(w)}


def unknown_swedish(candidates: set[str]) -> set[str]:
    # Hyphenated words are checked part by part, as in Finnish.
    parts = {p for w in candidates for p in re.split(r"[-’']", w.rstrip("-")) if needs_checking(p, "sv")}
    out = subprocess.run(["hunspell", "-d", "sv_FI", "-l"], input="\n".join(sorted(parts)), capture_output=True, text=True, check=True).stdout
    bad_parts = set(out.split())
    return {w for w in candidates if any(p in bad_parts for p in re.split(r"[-’']", w.rstrip("-")))}
