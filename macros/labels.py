"""UI labels: one table per language in labels/<lang>.yml, with the same keys."""
from __future__ import annotations

from functools import cache
from pathlib import Path

import yaml

from .errors import ContentError
from .model import LANGUAGES

LABELS_DIR = Path(__file__).parent / "labels"


def key_paths(table: dict, prefix: str = "") -> set[str]:
    keys = set()
    for key, value in table.items():
        path = f"{prefix}{key}"
        keys |= key_paths(value, path + ".") if isinstance(value, dict) else {path}
    return keys


def missing_label_keys(tables: dict[str, dict]) -> list[str]:
    """Keys one language has and another lacks, as readable problems."""
    paths = {lang: key_paths(table) for lang, table in tables.items()}
    problems = []
    for lang in tables:
        for other in tables:
            for key in sorted(paths[other] - paths[lang]):
                problems.append(f"macros/labels/{lang}.yml: {key} [{lang}]: label missing (macros/labels/{other}.yml has it)")
    return problems


@cache
def all_labels(directory: Path = LABELS_DIR) -> dict[str, dict]:
    tables = {lang: yaml.safe_load((directory / f"{lang}.yml").read_text(encoding="utf-8")) for lang in LANGUAGES}
    problems = missing_label_keys(tables)
    if problems:
        raise ContentError(problems)
    return tables


def labels(lang: str) -> dict:
    return all_labels()[lang]
