"""macros/yamlfile.py parses with libyaml when it can: it must read every data file
of the project exactly as PyYAML's Python loader does."""
from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from macros.yamlfile import FAST_LOADER, parse_yaml

ROOT = Path(__file__).resolve().parent.parent
DATA_FILES = sorted(
    f for folder in ("exercises", "forms", "programmes", "data", "macros/labels") for f in (ROOT / folder).rglob("*.yml")
)


def test_the_fast_loader_is_in_use():
    assert FAST_LOADER is yaml.CSafeLoader, "PyYAML without libyaml: the build is slower"
    assert len(DATA_FILES) > 60


@pytest.mark.parametrize("path", DATA_FILES, ids=lambda p: p.relative_to(ROOT).as_posix())
def test_a_data_file_reads_the_same_with_both_loaders(path):
    text = path.read_text(encoding="utf-8")
    assert parse_yaml(text) == yaml.load(text, Loader=yaml.SafeLoader)
