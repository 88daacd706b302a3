"""The comparison behind `make properdocs` (tools/properdocs_check.py) finds what a
reader would notice between two builds, and nothing else."""
from __future__ import annotations

from pathlib import Path

from tools.properdocs_check import differences


def site(root: Path, files: dict[str, str]) -> Path:
    for name, text in files.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(text, encoding="utf-8")
    return root


def test_the_same_page_in_other_whitespace_and_json_in_other_order_are_the_same(tmp_path):
    a = site(tmp_path / "a", {"x/index.html": "<p>Hei <a href='../'>koti</a></p>", "i.json": '{"a": 1, "b": 2}'})
    b = site(tmp_path / "b", {"x/index.html": "<p>Hei\n  <a href=\"../\">koti</a></p>\n", "i.json": '{"b":2,"a":1}'})
    assert differences(a, b) == []


def test_changed_text_a_changed_link_and_a_missing_page_are_named(tmp_path):
    a = site(tmp_path / "a", {"x/index.html": "<p>Hei</p>", "y/index.html": '<a href="../x/">x</a>', "z/index.html": "z"})
    b = site(tmp_path / "b", {"x/index.html": "<p>Moi</p>", "y/index.html": '<a href="../x/index.html">x</a>'})
    assert differences(a, b) == [
        "only in the MkDocs build: z/index.html",
        "x/index.html: the text or the links differ",
        "y/index.html: the text or the links differ",
    ]
