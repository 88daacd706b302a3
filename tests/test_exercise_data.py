"""The exercise model: valid data loads; each kind of bad data stops the build
with a message naming the file, the field and the language."""
from __future__ import annotations

import copy
import json
from pathlib import Path

import pytest
import yaml

from macros.__main__ import schema_text
from macros.errors import ContentError
from macros.loader import load_exercises
from macros.references import check_references
from macros.languages import LANGUAGES

FIXTURES = Path(__file__).parent / "fixtures" / "exercises"
VALID = yaml.safe_load((FIXTURES / "valid-exercise.yml").read_text(encoding="utf-8"))
CASES = yaml.safe_load((FIXTURES / "invalid-cases.yml").read_text(encoding="utf-8"))
ROOT = Path(__file__).resolve().parent.parent


def _walk(data, dotted: str):
    *parents, last = dotted.split(".")
    for key in parents:
        data = data[int(key)] if isinstance(data, list) else data[key]
    return data, (int(last) if isinstance(data, list) else last)


def apply_case(case: dict) -> dict:
    data = copy.deepcopy(VALID)
    data["id"] = Path(case.get("file", "broken.yml")).stem
    for dotted, value in (case.get("set") or {}).items():
        parent, key = _walk(data, dotted)
        parent[key] = value
    for dotted in case.get("delete") or []:
        parent, key = _walk(data, dotted)
        del parent[key]
    return data


def make_project(tmp_path: Path, files: dict[str, dict]) -> Path:
    (tmp_path / "exercises").mkdir()
    for name, data in files.items():
        (tmp_path / "exercises" / name).write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    for lang in LANGUAGES:
        guides = tmp_path / "docs" / lang / "guides"
        guides.mkdir(parents=True)
        (guides / "coaching-leadership.md").write_text("# Guide\n", encoding="utf-8")
    return tmp_path


def load_and_check(root: Path) -> dict:
    exercises = load_exercises(root / "exercises", root)
    check_references(exercises, root / "docs")
    return exercises


def test_the_valid_fixture_loads(tmp_path):
    root = make_project(tmp_path, {"valid-exercise.yml": VALID})
    exercises = load_and_check(root)
    assert list(exercises) == ["valid-exercise"]
    assert exercises["valid-exercise"].title["sv"] == "Lyssnande par"


def test_the_template_is_valid_apart_from_its_example_id(tmp_path):
    template = yaml.safe_load((ROOT / "exercises" / "_template.yml").read_text(encoding="utf-8"))
    root = make_project(tmp_path, {"example-id.yml": template})
    assert list(load_and_check(root)) == ["example-id"]


@pytest.mark.parametrize("case", CASES, ids=[c["name"] for c in CASES])
def test_bad_data_names_file_field_and_language(tmp_path, case):
    files = {case.get("file", "broken.yml"): apply_case(case)}
    if case.get("also"):
        files[case["also"]] = apply_case(case)
    root = make_project(tmp_path, files)
    with pytest.raises(ContentError) as raised:
        load_and_check(root)
    expected = case["expect"] if isinstance(case["expect"], list) else [case["expect"]]
    assert raised.value.problems == expected


def test_every_problem_is_reported_at_once(tmp_path):
    first = apply_case({"set": {"title": {"fi": "Nimi"}}})
    second = apply_case({"file": "second.yml", "delete": ["purpose"]})
    root = make_project(tmp_path, {"broken.yml": first, "second.yml": second})
    with pytest.raises(ContentError) as raised:
        load_and_check(root)
    assert len(raised.value.problems) == 2
    assert str(raised.value).startswith("Content errors:\n  - exercises/broken.yml: title [sv]")


def test_the_committed_json_schema_matches_the_model():
    committed = (ROOT / "exercises" / "exercise.schema.json").read_text(encoding="utf-8")
    assert committed == schema_text(), "run `make schema` and commit exercises/exercise.schema.json"


def test_the_json_schema_flags_what_the_model_flags():
    schema = json.loads(schema_text())
    assert schema["additionalProperties"] is False
    assert set(schema["required"]) >= {"id", "title", "steps", "debrief", "not_when", "difficulty"}
    text = schema["$defs"]["Text"]
    assert text["required"] == list(LANGUAGES)
