"""Data never becomes markup (issue 12).

First line: plain-text data that holds markup is rejected with the usual message
naming file, field and language (macros/model.py says why). Second line, should a
text ever get past that: every output escapes it (the Jinja templates, the `inline`
filter for Markdown lines, and the <title> block in overrides/main.html).
The printed card and the cards PDF are the card HTML checked here, printed by Chromium.
"""
from __future__ import annotations

import json
import os
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import markdown
import pytest
import yaml
from pydantic import BaseModel

from macros import render
from macros.errors import ContentError
from macros.glossary import Glossary
from macros.labels import all_labels
from macros.loader import load_exercises
from macros.model import Exercise, Text

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).parent / "fixtures"
HOSTILE = FIXTURES / "hostile"
VALID = yaml.safe_load((FIXTURES / "exercises" / "valid-exercise.yml").read_text(encoding="utf-8"))
HOSTILE_TITLE = "Kuunteluparit</title><script>alert(1)</script>"
HOSTILE_STEP = "Den som talar först. <img src=x onerror=alert(1)> Säg till. { onclick=alert(2) }"
# Markdown that would become a heading, a list, a link, emphasis or an attribute.
HOSTILE_MARKDOWN = "1. [klikkaa](javascript:alert(3)) *tärkeä* _x_ `koodi` | a | C# { onclick=alert(4) }"
RULE = "(markup characters < > { } [ ] ` * _ \\ | and line breaks are not allowed)"


def project_with(tmp_path: Path, *fixtures: str) -> Path:
    (tmp_path / "exercises").mkdir()
    for name in fixtures:
        (tmp_path / "exercises" / name).write_bytes((HOSTILE / name).read_bytes())
    return tmp_path


def test_a_hostile_title_is_rejected_with_file_field_and_language(tmp_path):
    text = (HOSTILE / "hostile-title.yml").read_text(encoding="utf-8")
    assert HOSTILE_TITLE in text  # the fixture holds what the issue reported
    with pytest.raises(ContentError) as raised:
        load_exercises(project_with(tmp_path, "hostile-title.yml") / "exercises", tmp_path)
    assert raised.value.problems == [
        f"exercises/hostile-title.yml: title [fi]: plain text only, remove '<' and '>' {RULE}"
    ]


def test_a_hostile_step_text_is_rejected_with_file_field_and_language(tmp_path):
    assert "onerror=alert(1)" in (HOSTILE / "hostile-step.yml").read_text(encoding="utf-8")
    with pytest.raises(ContentError) as raised:
        load_exercises(project_with(tmp_path, "hostile-step.yml") / "exercises", tmp_path)
    assert raised.value.problems == [
        f"exercises/hostile-step.yml: steps[1].do [sv]: plain text only, remove '<', '>', '{{' and '}}' {RULE}"
    ]


def test_both_hostile_files_are_reported_at_once(tmp_path):
    with pytest.raises(ContentError) as raised:
        load_exercises(project_with(tmp_path, "hostile-step.yml", "hostile-title.yml") / "exercises", tmp_path)
    assert [p.split(":")[0] for p in raised.value.problems] == ["exercises/hostile-step.yml", "exercises/hostile-title.yml"]


@pytest.mark.parametrize(
    "text,expected",
    [
        ("Rivi\ntoinen rivi", "plain text only, remove a line break"),
        ("*lihavoitu*", "plain text only, remove '*'"),
        ("[linkki](https://example.org)", "plain text only, remove '[' and ']'"),
        ("a_b | c", "plain text only, remove '_' and '|'"),
        ("`koodi` \\n", "plain text only, remove '`' and '\\'"),
    ],
)
def test_markdown_and_line_breaks_are_rejected_too(text, expected):
    with pytest.raises(ValueError) as raised:
        Text.model_validate({"fi": text, "sv": "ok"})
    assert f"{expected} {RULE}" in str(raised.value)


def test_real_text_passes_the_plain_text_rule():
    Text.model_validate({"fi": "360-arviointi: 1 = täysin eri mieltä; ”lainaus” (sulut) – A & B, 6/2019 …?", "sv": "ok"})


# ---- second line: escaped everywhere ---------------------------------------------------

MD_EXTENSIONS = [
    "abbr", "admonition", "attr_list", "def_list", "footnotes", "md_in_html", "tables", "toc",
    "pymdownx.details", "pymdownx.superfences", "pymdownx.tabbed", "pymdownx.tasklist",
]


def test_the_markdown_extensions_here_are_the_sites():
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    for name in MD_EXTENSIONS:
        assert f"  - {name}" in config, f"mkdocs.yml no longer lists {name}: update MD_EXTENSIONS"


class Elements(HTMLParser):
    """Every start tag with its attributes, and the text (entities decoded)."""

    def __init__(self, html: str):
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict]] = []
        self.text: list[str] = []
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data):
        self.text.append(data)


def assert_inert(html: str, *must_show: str) -> None:
    parsed = Elements(html)
    text = "".join(parsed.text)
    for hostile in must_show:
        assert hostile in text, f"the hostile text did not reach the output: {hostile!r}"
    live = [
        (tag, attrs) for tag, attrs in parsed.tags
        if tag in ("img", "title", "iframe", "em", "code")
        # JSON data blocks never run: the deck's label names, the timer's steps (tojson
        # escapes "<", so data cannot close the block and start markup of its own).
        or (tag == "script" and "data-kv-theme-names" not in attrs and attrs.get("id") != "kv-timer-steps")
        or (tag in ("ol", "table") and not attrs.get("class"))  # the templates' own have a class
        or any(name.startswith("on") for name in attrs)
        or any((attrs.get(name) or "").strip().startswith("javascript:") for name in ("href", "src", "action"))
    ]
    assert not live, f"markup from data: {live}"


def hostile_exercise() -> Exercise:
    """A valid exercise whose every Finnish and Swedish text is then made hostile,
    as if a text had passed the check (models are not re-validated on assignment)."""
    ex = Exercise.model_validate(VALID)

    def poison(value, path=""):
        if isinstance(value, Text):
            value.fi = f"{HOSTILE_TITLE} {HOSTILE_MARKDOWN} fi{path}"
            value.sv = f"{HOSTILE_STEP} {HOSTILE_MARKDOWN} sv{path}"
        elif isinstance(value, list):
            for i, item in enumerate(value):
                poison(item, f"{path}[{i}]")
        elif isinstance(value, BaseModel):
            for name in type(value).model_fields:
                poison(getattr(value, name), f"{path}.{name}")

    poison(ex)
    return ex


@pytest.mark.parametrize("lang", ["fi", "sv"])
def test_html_outputs_escape_every_text(lang):
    ex = hostile_exercise()
    must_show = [ex.title[lang], ex.steps[1].do[lang], ex.materials[0][lang], ex.debrief[0][lang]]
    assert_inert(render.render_card(ex, lang, "exercises/"), *must_show)
    assert_inert(render.render_deck({ex.id: ex}, lang, "cards/"), *must_show)  # the page the cards PDF prints
    assert_inert(render.render_catalog({ex.id: ex}, lang, "exercises/"), ex.title[lang], ex.summary[lang])


@pytest.mark.parametrize("lang", ["fi", "sv"])
def test_markdown_outputs_escape_every_text(lang):
    ex = hostile_exercise()
    titles = {"guides": {"coaching-leadership": "Opas"}, "templates": {}}
    page = render.render_exercise_page(ex, {ex.id: ex}, titles, lang, "exercises/valid-exercise/", "exercises/valid-exercise.md")
    index = render.render_theme_index({ex.id: ex}, lang, "themes/", "themes/index.md")
    for source in (page, index):
        html = markdown.markdown(source, extensions=MD_EXTENSIONS)
        # The page's own heading is the title, as typed: markup neither live nor lost.
        assert_inert(html, ex.title[lang], ex.summary[lang])
    assert_inert(markdown.markdown(page, extensions=MD_EXTENSIONS), ex.steps[1].do[lang], ex.not_when[0][lang])


def test_markdown_lines_read_as_typed():
    html = markdown.markdown(f"{render.inline('1. kierros alkaa')}\n\n# {render.inline('C#')}", extensions=MD_EXTENSIONS)
    assert "".join(Elements(html).text).split() == ["1.", "kierros", "alkaa", "C#"]
    assert "<ol>" not in html


def test_glossary_table_escapes_every_text():
    glossary = Glossary.model_validate({"terms": [{"id": "x", "fi": "a", "sv": "b", "en": "c", "definition": {"fi": "d", "sv": "e"}}]})
    term = glossary.terms[0]
    term.fi, term.en, term.definition.sv = HOSTILE_TITLE, HOSTILE_STEP, HOSTILE_MARKDOWN
    assert_inert(render.render_glossary(glossary, "fi"), HOSTILE_TITLE, HOSTILE_STEP)
    assert_inert(render.render_glossary(glossary, "sv"), HOSTILE_MARKDOWN)


def test_labels_are_plain_text_like_the_data():
    from macros.labels import text_problems

    table = dict(all_labels()["fi"])
    table["say"] = "Sano <b>"
    assert text_problems("fi", table) == [f"macros/labels/fi.yml: say [fi]: plain text only, remove '<' and '>' {RULE}"]


# ---- the <title> and the search index, built by MkDocs with the site's theme overrides ----

def build_tiny_site(tmp_path: Path, overrides: bool) -> Path:
    """A page whose heading holds the title exactly as the exercise template wrote it
    before the fix (autoescaped), built with Material, with or without overrides/."""
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "index.md").write_text("# Koti\n", encoding="utf-8")
    escaped = HOSTILE_TITLE.replace("<", "&lt;").replace(">", "&gt;")
    (docs / "hostile.md").write_text(f"# {escaped}\n\nTeksti.\n", encoding="utf-8")
    theme = {"name": "material", "font": False}
    if overrides:
        theme["custom_dir"] = str(ROOT / "overrides")
    config = {"site_name": "Hostile", "theme": theme, "plugins": ["search"], "docs_dir": str(docs)}
    if overrides:  # the overrides read values that the site's hooks provide
        config["hooks"] = [str(ROOT / "hooks" / "finish_site.py")]
    (tmp_path / "mkdocs.yml").write_text(yaml.safe_dump(config), encoding="utf-8")
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(tmp_path / "mkdocs.yml"), "-d", str(tmp_path / "site")],
        capture_output=True, text=True, env=env,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    return tmp_path / "site"


def head_of(html: str) -> Elements:
    return Elements(html.split("</head>")[0] + "</head>")


def test_the_title_element_is_escaped_text(tmp_path):
    site = build_tiny_site(tmp_path, overrides=True)
    html = (site / "hostile" / "index.html").read_text(encoding="utf-8")
    body = Elements(html.split("<body", 1)[1])
    assert HOSTILE_TITLE in "".join(body.text), "the hostile title did not reach the page"
    head = head_of(html)
    assert f"<title>{HOSTILE_TITLE.replace('<', '&lt;').replace('>', '&gt;')} - Hostile</title>" in html
    assert [tag for tag, _ in head.tags].count("title") == 1
    assert not any("alert" in text for text in head.text if text != f"{HOSTILE_TITLE} - Hostile")
    entries = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))["docs"]
    titles = [e["title"] for e in entries if e["location"].startswith("hostile/")]
    assert titles and all("<" not in title for title in titles), titles  # the search UI shows titles as HTML


def test_without_the_override_the_title_runs_a_script(tmp_path):
    """The check above can fail: Material's own block lets the script out of <title>."""
    html = (build_tiny_site(tmp_path, overrides=False) / "hostile" / "index.html").read_text(encoding="utf-8")
    assert "<title>Kuunteluparit</title><script>alert(1)</script>" in html
