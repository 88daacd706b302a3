"""Every authoring mistake gives the usual list of problems (file relative to the
project root, field, language), never a traceback: in load_content, in
`python -m macros validate` and in the mkdocs build. Cases: fixtures/authoring/cases.yml."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from macros.content import load_content
from macros.errors import ContentError
from macros.references import MACRO_NAMES

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).parent / "fixtures"
CASES = yaml.safe_load((FIXTURES / "authoring" / "cases.yml").read_text(encoding="utf-8"))
STUB = "{{ exercise_page() }}\n"
DATED = "---\nupdated: 2026-11-27\n---\n"  # every page carries its date (macros/history.py)


def make_project(root: Path) -> Path:
    """The smallest valid project: both languages, a home page, one guide, one exercise,
    a calendar of one event and a programme of one session."""
    pages = {
        "index.md": {"fi": DATED + "# Etusivu\n", "sv": DATED + "# Startsida\n"},
        "guides/coaching-leadership.md": {
            "fi": "---\ndescription: Opas\nupdated: 2026-11-27\n---\n# Valmentava johtaminen\n",
            "sv": DATED + "# Coachande ledarskap\n",
        },
        "guides/index.md": {"fi": DATED + "# Oppaat\n\n{{ page_list(\"guides\") }}\n", "sv": DATED + "# Guider\n\n{{ page_list(\"guides\") }}\n"},
        "exercises/valid-exercise.md": {"fi": STUB, "sv": STUB},
    }
    for path, by_lang in pages.items():
        for lang, text in by_lang.items():
            file = root / "docs" / lang / path
            file.parent.mkdir(parents=True, exist_ok=True)
            file.write_text(text, encoding="utf-8")
    (root / "exercises").mkdir()
    shutil.copy(FIXTURES / "exercises" / "valid-exercise.yml", root / "exercises")
    (root / "data").mkdir()
    shutil.copy(FIXTURES / "authoring" / "glossary.yml", root / "data")
    shutil.copy(FIXTURES / "authoring" / "calendar.yml", root / "data")
    (root / "programmes").mkdir()
    shutil.copy(FIXTURES / "authoring" / "programme.yml", root / "programmes" / "demo.yml")
    shutil.copytree(ROOT / "macros" / "labels", root / "macros" / "labels")
    return root


def _parent(data, dotted: str):
    *parents, last = dotted.split(".")
    for key in parents:
        data = data[int(key)] if isinstance(data, list) else data[key]
    return data, (int(last) if isinstance(data, list) else last)


def apply_case(root: Path, case: dict) -> None:
    for path, text in (case.get("files") or {}).items():
        (root / path).write_text(text, encoding="utf-8")
    for path, keys in (case.get("delete") or {}).items():
        data = yaml.safe_load((root / path).read_text(encoding="utf-8"))
        for dotted in keys:
            parent, key = _parent(data, dotted)
            del parent[key]
        (root / path).write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    for path, values in (case.get("set") or {}).items():
        data = yaml.safe_load((root / path).read_text(encoding="utf-8"))
        for dotted, value in values.items():
            parent, key = _parent(data, dotted)
            parent[key] = value
        (root / path).write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")


def test_the_base_project_is_valid(tmp_path):
    content = load_content(make_project(tmp_path))
    assert list(content.exercises) == ["valid-exercise"]
    assert list(content.programmes) == ["demo"]
    assert content.titles["guides"]["sv"] == {"coaching-leadership": "Coachande ledarskap"}


@pytest.mark.parametrize("case", CASES, ids=[c["name"] for c in CASES])
def test_an_authoring_mistake_is_listed_with_file_field_and_language(tmp_path, case):
    root = make_project(tmp_path)
    apply_case(root, case)
    with pytest.raises(ContentError) as raised:
        load_content(root)
    assert raised.value.problems == case["expect"]
    assert str(tmp_path) not in str(raised.value)


def test_validate_prints_the_list_and_exits_1(tmp_path):
    root = make_project(tmp_path)
    apply_case(root, CASES[0])  # the missing H1 that crashed `make validate` (issue 12)
    result = subprocess.run(
        [sys.executable, "-m", "macros", "validate", str(root)], cwd=ROOT, capture_output=True, text=True
    )
    assert result.returncode == 1
    assert result.stdout == ""
    assert result.stderr == "Content errors:\n" + "".join(f"  - {p}\n" for p in CASES[0]["expect"])


def copy_of_the_site(tmp_path: Path) -> Path:
    root = tmp_path / "site-src"
    root.mkdir()
    for name in ("docs", "exercises", "forms", "data", "macros", "overrides", "hooks", "tools"):
        shutil.copytree(ROOT / name, root / name, ignore=shutil.ignore_patterns("__pycache__", "node_modules"))
    shutil.copy(ROOT / "mkdocs.yml", root)
    return root


def test_the_build_stops_with_the_list_not_a_traceback(tmp_path):
    root = copy_of_the_site(tmp_path)
    guide = root / "docs" / "fi" / "guides" / "feedback.md"
    text = guide.read_text(encoding="utf-8")
    assert "\n# " in "\n" + text
    guide.write_text("\n".join(l for l in text.splitlines() if not l.startswith("# ")) + "\n", encoding="utf-8")
    home = root / "docs" / "sv" / "index.md"
    home.write_text(home.read_text(encoding="utf-8") + "\n{{ exercise_card('nope') }}\n", encoding="utf-8")
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(tmp_path / "out")],
        cwd=root, capture_output=True, text=True, env=env,
    )
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert "ERROR   -  Content errors:\n" in output
    problems = [line for line in output.splitlines() if line.startswith("  - ")]
    assert "  - docs/fi/guides/feedback.md: title [fi]: no title: add a '# ' heading (or 'title:' to the front matter)" in problems
    assert "  - docs/sv/index.md: exercise_card [sv]: no exercise has the id 'nope'" in problems
    assert not [line for line in problems if str(tmp_path) in line]
    assert "Aborted with a BuildError!" in output
    assert "Traceback" not in output


def test_define_env_registers_the_macros_the_check_knows(tmp_path):
    import macros

    class Env:
        project_dir = str(make_project(tmp_path))
        conf = {"plugins": {"i18n": type("I18n", (), {"current_language": "fi"})()}}

        def __init__(self):
            self.names = []

        def macro(self, function):
            self.names.append(function.__name__)
            return function

    env = Env()
    macros.define_env(env)
    assert sorted(env.names) == sorted(MACRO_NAMES)
