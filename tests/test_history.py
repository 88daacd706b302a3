"""Dates and change notes are data (macros/history.py), not git history: a shallow
clone builds the same dated pages as a full clone, and a page without a date stops
the build with a message naming the file, never a page silently dated "today"."""
from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from macros.history import differing_dates

ROOT = Path(__file__).resolve().parent.parent
HISTORY = re.compile(r'<div class="kv-history">.*?</div>', re.S)


def checkout(target: Path, depth: int | None) -> Path:
    """This commit, as a fresh clone would have it (depth 1: a shallow clone, as CI makes)."""
    commit = subprocess.run(["git", "rev-parse", "HEAD"], cwd=ROOT, capture_output=True, text=True, check=True).stdout.strip()
    subprocess.run(["git", "init", "-q", str(target)], check=True)
    fetch = ["git", "fetch", "-q", *(["--depth", str(depth)] if depth else []), f"file://{ROOT}", commit]
    subprocess.run(fetch, cwd=target, check=True)
    subprocess.run(["git", "checkout", "-q", "FETCH_HEAD"], cwd=target, check=True)
    return target


def build(project: Path, out: Path) -> subprocess.CompletedProcess:
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(out)], cwd=project, capture_output=True, text=True, env=env
    )


def dated_pages(site: Path) -> dict[str, str]:
    """{page: its "last updated" line and change notes, as shown}."""
    found = {}
    for page in sorted(site.rglob("*.html")):
        match = HISTORY.search(page.read_text(encoding="utf-8"))
        if match:
            found[page.relative_to(site).as_posix()] = match.group(0)
    return found


@pytest.fixture(scope="module")
def shallow(tmp_path_factory) -> Path:
    clone = checkout(tmp_path_factory.mktemp("shallow") / "repo", depth=1)
    shallow_flag = subprocess.run(["git", "rev-parse", "--is-shallow-repository"], cwd=clone, capture_output=True, text=True)
    assert shallow_flag.stdout.strip() == "true"
    return clone


def test_a_shallow_clone_dates_every_page_as_a_full_clone_does(shallow, tmp_path):
    full = checkout(tmp_path / "full", depth=None)
    built = {}
    for name, project in (("shallow", shallow), ("full", full)):
        result = build(project, tmp_path / f"site-{name}")
        assert result.returncode == 0, f"{name} clone: mkdocs build failed:\n{result.stderr[-3000:]}"
        built[name] = dated_pages(tmp_path / f"site-{name}")
    assert built["shallow"] == built["full"]
    # Every page is dated, and the dates are the authors' (committed), not the build day's.
    pages = [p for p in (tmp_path / "site-full").rglob("*.html") if p.name != "404.html"]  # "not found": no content
    assert len(built["full"]) == len(pages)
    assert '<time datetime="2026-11-27">27.11.2026</time>' in built["full"]["guides/feedback/index.html"]


def test_a_page_without_a_date_stops_the_build_naming_the_file(shallow, tmp_path):
    page = shallow / "docs" / "sv" / "guides" / "feedback.md"
    text = page.read_text(encoding="utf-8")
    page.write_text(re.sub(r"^updated: .*\n", "", text, count=1, flags=re.M), encoding="utf-8")
    try:
        result = build(shallow, tmp_path / "site")
    finally:
        page.write_text(text, encoding="utf-8")
    assert result.returncode != 0
    assert "docs/sv/guides/feedback.md: updated [sv]: no date: add 'updated: YYYY-MM-DD' to the front matter" in result.stderr
    assert not (tmp_path / "site" / "sv" / "guides" / "feedback" / "index.html").exists()


def test_both_languages_carry_the_same_dates(content):
    assert content.histories, "no dated pages found"
    assert differing_dates(content.histories) == []


def test_change_notes_show_on_their_page_and_on_whats_new(site, content):
    from macros.languages import LANGUAGES, PREFIX

    for lang in LANGUAGES:
        day, note = content.history(lang, "glossary.md").changes[0]
        glossary = (site / PREFIX[lang] / "glossary" / "index.html").read_text(encoding="utf-8")
        notes = re.search(r'<details class="kv-changes">.*?</details>', glossary, re.S)
        assert notes and note in notes.group(0) and f'datetime="{day.isoformat()}"' in notes.group(0)
        whats_new = (site / PREFIX[lang] / "whats-new" / "index.html").read_text(encoding="utf-8")
        assert re.search(r'<a href="\.\./glossary/">[^<]+</a>: ' + re.escape(note), whats_new), lang
