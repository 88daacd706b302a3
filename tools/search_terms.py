"""Base forms (lemmas) for search: put into the index at build time, and a small
table that lets the search worker find the base form of a typed word.

Why base forms: Snowball stems of one Finnish word differ by form (palaute ->
"palaut", palautteen -> "palautt") while different words share stem prefixes
(palautuminen -> "palautumin"), so stems plus Material's prefix queries both miss
forms and mix words. Voikko knows the base form of each word (Swedish: hunspell's
stems), so each search entry gets two hidden fields of base forms:

- ``base_title``: the base forms of the entry's title (boosted like the title),
- ``base_text``: the base forms of its text, each once.

A Finnish compound adds its parts (palautekeskustelu -> palaute, keskustelu), so a
search for "palaute" finds "palautekeskustelussa" as well.

The query side (overrides/assets/javascripts/workers/search-stemmed.js) must map a
typed word to a base form without Voikko. Rather than a table of every inflected
form on the site (7,500 Finnish forms, 58 KB gzip), it gets

- ``rules``: ending -> [replacement, how many site words use it], learned from the
  site's own (form, base form) pairs: "tteen" -> "te" turns palautteen into palaute;
- ``forms``: the few site words for which those rules pick a wrong base form
  (pronouns, consonant gradation: on -> olla, vuodesta -> vuosi),

and it only accepts a base form that is in the index's base-form fields (the site's
vocabulary). Rules also carry to forms the site does not use (palautteista).
`lemmatize()` below is the worker's algorithm: the table is built so that it gives
Voikko's answer for every word form on the site.
"""
from __future__ import annotations

import html
import re
import shutil
import subprocess
import sys
from collections import Counter, defaultdict
from functools import cache
from pathlib import Path

TAG = re.compile(r"<[^>]+>")
# Material splits on its separator ([\s\-]+); base forms are split on any non-word
# character as well, so "tammi–helmikuu" gives tammi and helmikuu.
WORD = re.compile(r"[^\W_]+")
# A base form in more than this share of entries tells nothing apart.
MAX_DOCUMENT_SHARE = 0.5
MIN_PART = 3  # shortest compound part that is indexed on its own

FIELDS = {"base_title": {"boost": 1000.0}, "base_text": {"boost": 1.0}}


def words(markup: str) -> list[str]:
    return WORD.findall(html.unescape(TAG.sub(" ", markup)).lower())



@cache
def stop_words(lang: str) -> frozenset[str]:
    """The stop words of Material's lunr language file, which the index leaves out
    of the title and text: the base-form fields leave out the same words and the
    base forms of those (on -> olla, jota -> joka)."""
    import material

    path = Path(material.__file__).parent / "templates/assets/javascripts/lunr/min" / f"lunr.{lang}.min.js"
    match = re.search(r'generateStopWordFilter\("([^"]*)"', path.read_text(encoding="utf-8"))
    listed = set(match.group(1).split()) if match else set()
    return frozenset(listed | EXTRA_STOP_WORDS.get(lang, set()))


# Base forms of listed stop words that the list itself does not hold.
EXTRA_STOP_WORDS = {"fi": {"olla", "joka", "mikä", "se", "tämä", "tuo", "minä", "sinä", "hän", "me", "te", "he", "ne", "ei"},
                    "sv": {"vara", "ha", "bli", "kunna", "skola"}}


# ---------------------------------------------------------------- analysers


@cache
def _voikko():
    try:
        import libvoikko

        return libvoikko.Voikko("fi")
    except Exception as error:  # the library or the dictionary is missing
        print(f"search_terms: Voikko not available ({error}); Finnish search uses stems only", file=sys.stderr)
        return None


def _finnish(forms: set[str]) -> dict[str, list[str]] | None:
    voikko = _voikko()
    if voikko is None:
        return None
    out = {}
    for form in forms:
        lemmas: list[str] = []
        for analysis in voikko.analyze(form):
            base = (analysis.get("BASEFORM") or "").lower()
            if not base:
                continue
            lemmas.append(base)
            # Compound parts: STRUCTURE marks where each part of the typed form starts.
            cuts, at = [], 0
            for mark in analysis.get("STRUCTURE", ""):
                if mark == "=":
                    cuts.append(at)
                else:
                    at += 1
            if len(cuts) > 1:
                parts = [form[a:b] for a, b in zip(cuts, cuts[1:])]
                head = "".join(parts)
                if base.startswith(head):
                    parts.append(base[len(head):])
                    lemmas += [p for p in parts if len(p) >= MIN_PART]
        out[form] = list(dict.fromkeys(lemmas))
    return out


def _swedish(forms: set[str]) -> dict[str, list[str]] | None:
    if not shutil.which("hunspell"):
        print("search_terms: hunspell not available; Swedish search uses stems only", file=sys.stderr)
        return None
    ordered = sorted(forms)
    result = subprocess.run(["hunspell", "-s", "-d", "sv_FI"], input="\n".join(ordered) + "\n",
                            capture_output=True, text=True)
    if result.returncode != 0:
        print(f"search_terms: hunspell failed ({result.stderr.strip()[:200]})", file=sys.stderr)
        return None
    out: dict[str, list[str]] = {form: [] for form in ordered}
    for line in result.stdout.splitlines():
        parts = line.split()
        if len(parts) == 2 and parts[0] in out:
            out[parts[0]] += _swedish_bases(parts[0], parts[1].lower())
    return {form: list(dict.fromkeys(bases)) for form, bases in out.items()}


def _swedish_bases(form: str, stem: str) -> list[str]:
    """hunspell stems only a compound's last part (bedömningssamtalet -> samtal):
    put the first parts back (bedömningssamtal) and keep the last part as well."""
    if form.startswith(stem[:3]):
        # Not a compound; a stem far shorter than the word is hunspell guessing.
        return [stem] if len(form) - len(stem) <= 5 else []
    at = form.rfind(stem[:max(3, len(stem) - 2)])
    if at <= 0:
        return []
    return [form[:at] + stem, stem]


ANALYSERS = {"fi": _finnish, "sv": _swedish}


# ---------------------------------------------------------------- query-side table


def _rule(form: str, lemma: str) -> tuple[str, str]:
    p = 0
    while p < min(len(form), len(lemma)) and form[p] == lemma[p]:
        p += 1
    return form[p:], lemma[p:]


def lemmatize(word: str, rules: dict, forms: dict, vocabulary: set[str]) -> list[str]:
    """The worker's lookup (keep the two the same): listed form, the word itself if it
    is a base form on the site, else the rule with the most site words behind it
    (the longest ending first on a tie) whose result is a base form on the site."""
    if word in forms:
        return forms[word]
    if word in vocabulary:
        return [word]
    best, best_count = None, 0
    for i in range(1, len(word) + 1):
        for replacement, count in rules.get(word[i:], ()):
            candidate = word[:i] + replacement
            if count > best_count and candidate in vocabulary:
                best, best_count = candidate, count
    return [best] if best else []


def build_table(analysed: dict[str, list[str]], vocabulary: set[str], min_rule_count: int = 2) -> dict:
    counts: Counter = Counter()
    for form, lemmas in analysed.items():
        for lemma in lemmas[:1]:
            if lemma != form:
                counts[_rule(form, lemma)] += 1
    rules: dict[str, list] = defaultdict(list)
    # Ties in a fixed order (most_common keeps the order words were seen, which follows
    # set iteration and so changes from build to build): the same site, the same index.
    for (ending, replacement), count in sorted(counts.items(), key=lambda item: (-item[1], item[0])):
        if count >= min_rule_count:
            rules[ending].append([replacement, count])
    forms = {}
    for form, lemmas in sorted(analysed.items()):
        wanted = [lemma for lemma in lemmas if lemma in vocabulary]
        got = lemmatize(form, rules, {}, vocabulary)
        if (got[0] in wanted) if got else not wanted:
            continue
        forms[form] = wanted[:2]
    return {"rules": dict(rules), "forms": forms}


# ---------------------------------------------------------------- the index


def add_base_forms(index: dict, lang: str) -> dict | None:
    """Add the base-form fields to every entry of one language's index and return the
    query-side table, or None (index unchanged) when the analyser is missing."""
    docs = index["docs"]
    split = [(words(doc.get("title", "")), words(doc.get("text", ""))) for doc in docs]
    all_forms = {w for title, text in split for w in title + text}
    analysed = ANALYSERS[lang](all_forms)
    if analysed is None:
        return None

    def bases(tokens: list[str]) -> list[str]:
        out = []
        for token in tokens:
            out += analysed.get(token) or [token]
        return list(dict.fromkeys(b for lemma in out for b in WORD.findall(lemma)))

    per_doc = [(bases(title), bases(text)) for title, text in split]
    frequency = Counter(b for title, text in per_doc for b in set(title) | set(text))
    limit = MAX_DOCUMENT_SHARE * len(docs) if len(docs) >= 20 else len(docs)  # a small index: no limit
    common = {b for b, n in frequency.items() if n > limit or len(b) < 2}
    common |= stop_words(lang)
    vocabulary = set()
    for doc, (title, text) in zip(docs, per_doc):
        title = [b for b in title if b not in common]
        text = [b for b in text if b not in common]
        doc["base_title"] = " ".join(title)
        doc["base_text"] = " ".join(text)
        vocabulary.update(title, text)
    index["config"]["fields"] = {**index["config"]["fields"], **FIELDS}
    analysed = {f: [b for lemma in ls for b in WORD.findall(lemma)] for f, ls in analysed.items() if ls}
    return build_table(analysed, vocabulary)
