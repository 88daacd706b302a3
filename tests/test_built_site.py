"""Checks over the built site, in both languages: what a reader clicking around would hit."""
from __future__ import annotations

import re
from pathlib import Path

from macros.languages import PREFIX

from .sitehtml import html_pages, is_outside, page_facts, page_language, resolve


def test_every_internal_link_and_anchor_resolves(site):
    broken = []
    facts_cache = {}
    for page in html_pages(site):
        for href in page_facts(page).links:
            if is_outside(href) or href.startswith(("mailto:", "tel:", "javascript:")):
                continue
            target, fragment = resolve(site, page, href)
            where = f"{page.relative_to(site)} -> {href}"
            if not target.exists():
                broken.append(f"{where}: no such file")
                continue
            # A plan link carries the plan itself in its fragment (macros/plan_link.py),
            # not an anchor: the planner page reads it.
            if fragment.startswith("plan="):
                continue
            if fragment and target.suffix == ".html":
                ids = facts_cache.setdefault(target, page_facts(target).ids)
                if fragment not in ids:
                    broken.append(f"{where}: no id '{fragment}'")
    assert not broken, "Broken links:\n" + "\n".join(broken)


def test_html_lang_matches_the_language_of_every_page(site):
    wrong = [
        f"{p.relative_to(site)}: lang={page_facts(p).lang!r}, expected {page_language(site, p)!r}"
        for p in html_pages(site)
        if page_facts(p).lang != page_language(site, p)
    ]
    assert not wrong, "\n".join(wrong)


def test_no_page_loads_anything_from_another_host(site):
    outside = [
        f"{p.relative_to(site)}: {url}" for p in html_pages(site) for url in page_facts(p).loads if is_outside(url)
    ]
    css_urls = re.compile(r"url\(\s*['\"]?(https?:)?//", re.I)
    outside += [f"{css.relative_to(site)}: remote url() in CSS" for css in site.rglob("*.css") if css_urls.search(css.read_text(encoding="utf-8", errors="replace"))]
    outside += [
        f"{css.relative_to(site)}: @import of a remote file"
        for css in site.rglob("*.css")
        if re.search(r"@import\s+(url\()?['\"]?https?:", css.read_text(encoding="utf-8", errors="replace"))
    ]
    assert not outside, "Loads from another host:\n" + "\n".join(outside)


def test_every_exercise_has_a_page_a_catalog_row_and_a_card_in_both_languages(site, exercises):
    problems = []
    for prefix in ("", "sv/"):
        catalog = (site / prefix / "exercises" / "index.html").read_text(encoding="utf-8")
        cards = (site / prefix / "cards" / "index.html").read_text(encoding="utf-8")
        rows = re.findall(r'<tr class="kv-catalog__row" data-exercise="([^"]+)"', catalog)
        deck = re.findall(r'<article class="kv-card" id="card-([^"]+)"', cards)
        for exercise_id, exercise in exercises.items():
            lang = prefix.rstrip("/") or "fi"
            page = site / prefix / "exercises" / exercise_id / "index.html"
            if not page.exists():
                problems.append(f"{lang}: no page for {exercise_id}")
            elif f"<h1" not in page.read_text(encoding="utf-8") or exercise.title[lang] not in page.read_text(encoding="utf-8"):
                problems.append(f"{lang}: page of {exercise_id} lacks its title")
        if sorted(rows) != sorted(exercises):
            problems.append(f"{prefix or 'fi'} catalog rows {sorted(rows)} != exercises {sorted(exercises)}")
        if sorted(deck) != sorted(exercises):
            problems.append(f"{prefix or 'fi'} cards {sorted(deck)} != exercises {sorted(exercises)}")
    assert not problems, "\n".join(problems)


def test_swedish_pages_show_swedish_labels_and_finnish_pages_finnish(site, exercises):
    some_id = sorted(exercises)[0]
    fi = (site / "exercises" / some_id / "index.html").read_text(encoding="utf-8")
    sv = (site / "sv" / "exercises" / some_id / "index.html").read_text(encoding="utf-8")
    assert "Purkukysymykset" in fi and "Reflektionsfrågor" not in fi
    assert "Reflektionsfrågor" in sv and "Purkukysymykset" not in sv


SWITCH_LINK = re.compile(r'<a href="([^"]*)" hreflang="(fi|sv)" class="md-select__link">')


def test_language_switch_on_every_page_leads_to_the_same_page_in_the_other_language(site):
    wrong = []
    for page in html_pages(site):
        lang = page_language(site, page)
        links = dict((l, href) for href, l in SWITCH_LINK.findall(page.read_text(encoding="utf-8")))
        other = "sv" if lang == "fi" else "fi"
        rel = page.relative_to(site).as_posix()
        if rel.endswith("404.html"):  # a "not found" page leads to the other language's home page
            expected = site / PREFIX[other] / "index.html"
        else:
            expected = site / (rel.removeprefix("sv/") if lang == "sv" else "sv/" + rel)
        if other not in links:
            wrong.append(f"{rel}: no link to {other}")
            continue
        target, _ = resolve(site, page, links[other])
        if target != expected.resolve():
            wrong.append(f"{rel}: {other} link goes to {target.relative_to(site.resolve())}")
    assert not wrong, "\n".join(wrong)


UPDATED = re.compile(r'<p class="kv-updated">[^<]+<time datetime="(\d{4}-\d{2}-\d{2})">')


def test_every_page_says_when_it_was_last_updated(site):
    pages = [p for p in html_pages(site) if p.name != "404.html"]  # "not found" is no content to date
    missing = [p.relative_to(site).as_posix() for p in pages if not UPDATED.search(p.read_text(encoding="utf-8"))]
    assert not missing, missing


def test_abbreviations_expand_in_the_readers_language(site, content):
    some = next(a for a in content.glossary.abbreviations if a.abbr == "VPJ")  # named on the glossary page
    for prefix, lang in (("", "fi"), ("sv/", "sv")):
        html = (site / prefix / "glossary" / "index.html").read_text(encoding="utf-8")
        # Finnish writes "VPJ", Swedish "vpj": either expands.
        expanded = re.compile(rf'<abbr title="{re.escape(getattr(some, lang))}">{some.abbr}</abbr>', re.I)
        assert expanded.search(html), f"{prefix}glossary/: {some.abbr} does not expand to {getattr(some, lang)}"


TITLE = re.compile(r"<title>(.*?)</title>", re.S)


def test_page_titles_are_unique_in_each_language(site):
    """Two pages with one title are two search hits and two tabs a reader cannot tell apart."""
    seen: dict[tuple[str, str], str] = {}
    duplicates = []
    for page in html_pages(site):
        rel = page.relative_to(site).as_posix()
        title = TITLE.search(page.read_text(encoding="utf-8")).group(1).strip()
        key = (page_language(site, page), title)
        if key in seen:
            duplicates.append(f"{rel} and {seen[key]}: {title}")
        seen[key] = rel
    assert not duplicates, "\n".join(duplicates)


def test_an_abbreviation_written_in_lower_case_expands_too(site):
    """Swedish writes "vpj": in the page text it expands like "VPJ" (data/glossary.yml
    written_also). Attributes, <title> and scripts are not page text; nor are the
    cards and catalog rows that macros write as HTML (kv-* classes), where Markdown's
    abbr extension expands no abbreviation, upper case or lower."""
    from html.parser import HTMLParser

    word = re.compile(r"(?<![\w/-])vpj(?![\w/-])")

    class Text(HTMLParser):
        def __init__(self):
            super().__init__()
            self.open, self.bare, self.wrapped = [], 0, 0

        def handle_starttag(self, tag, attrs):
            attrs = dict(attrs)
            self.open.append((tag, attrs.get("title"), "kv-" in (attrs.get("class") or "")))

        def handle_endtag(self, tag):
            while self.open and self.open.pop()[0] != tag:
                pass

        def handle_data(self, data):
            if {"title", "script", "style"} & {tag for tag, _, _ in self.open} or any(kv for _, _, kv in self.open):
                return
            hits = len(word.findall(data))
            if self.open and self.open[-1][:2] == ("abbr", "statens lönesystem"):
                self.wrapped += hits
            else:
                self.bare += hits

    text = Text()
    for page in html_pages(site / "sv"):
        text.feed(page.read_text(encoding="utf-8"))
    assert text.wrapped + text.bare, "no Swedish page text writes vpj: the test no longer checks anything"
    assert text.bare == 0, f"{text.bare} of {text.wrapped + text.bare} 'vpj' in page text do not expand"


def test_each_home_page_is_titled_with_its_site_name_once(site):
    from macros.languages import read_mkdocs_yml

    config = read_mkdocs_yml()
    i18n = next(p["i18n"] for p in config["plugins"] if isinstance(p, dict) and "i18n" in p)
    for lang in i18n["languages"]:
        name = lang.get("site_name") or config["site_name"]
        html = (site / PREFIX[lang["locale"]] / "index.html").read_text(encoding="utf-8")
        assert TITLE.search(html).group(1).strip() == name


def test_the_stylesheet_is_minified_and_keeps_every_class_and_colour(site):
    """hooks/stylesheet.py: the built site.css has no comments and no line breaks, and
    every kv- class and custom property of the source is still in it."""
    source = (Path(__file__).resolve().parent.parent / "overrides" / "assets" / "css" / "site.css").read_text(encoding="utf-8")
    built = (site / "assets" / "css" / "site.css").read_text(encoding="utf-8")
    assert "/*" in source and "/*" not in built and built.count("\n") <= 1
    assert len(built) < 0.85 * len(source)
    names = set(re.findall(r"\.kv-[\w-]+|--[\w-]+(?=\s*:)", source))
    assert len(names) > 50
    missing = sorted(n for n in names if n not in built)
    assert not missing, f"lost in minifying: {missing[:10]}"


def search_docs(site, lang: str) -> list[dict]:
    """The entries of one language's search index, as the reader's browser loads them."""
    import json

    return json.loads((site / PREFIX[lang] / "search" / "search_index.json").read_text(encoding="utf-8"))["docs"]


def test_exercise_pages_button_labels_are_not_search_text(site, exercises):
    """An exercise page's buttons are not content: a search result must not show
    "Tulosta harjoituskortti Käynnistä ajastin Lisää suunnitelmaan" as its text."""
    from macros.labels import labels

    for lang in PREFIX:
        t = labels(lang)
        pages = {f"exercises/{exercise_id}/" for exercise_id in exercises}
        exercise_docs = [d for d in search_docs(site, lang) if d["location"].split("#")[0] in pages]
        missing = pages - {d["location"].split("#")[0] for d in exercise_docs}
        assert not missing, f"{lang}: exercise pages missing from the index: {sorted(missing)[:5]}"
        with_labels = [d["location"] for d in exercise_docs if t["start_timer"] in d["text"] or t["print_card"] in d["text"]]
        assert not with_labels, f"{lang}: button labels in the search text of {with_labels[:5]}"


def test_planner_controls_are_not_search_text(site):
    """The planner's form labels and its no-JavaScript note are not content: a search
    result for the planner shows its introduction, not "Uusi suunnitelma Poista..."."""
    from macros.labels import labels

    for lang in PREFIX:
        p = labels(lang)["planner"]
        docs = search_docs(site, lang)
        planner_text = " ".join(d["text"] for d in docs if d["location"].startswith("planner/"))
        assert len(planner_text) > 200, f"{lang}: the planner's introduction is missing from the index"
        indexed = [p[key] for key in ("needs_js", "new_plan", "add_break", "share_hint", "clear_confirm", "show_details")
                   if re.search(rf"\b{re.escape(p[key])}\b", planner_text)]
        assert not indexed, f"{lang}: planner control labels in the search text: {indexed}"
        repeats = [d["location"] for d in docs if d["location"].startswith("planner/#")]
        assert not repeats, f"{lang}: empty planner sections repeat the page in search results: {repeats}"
