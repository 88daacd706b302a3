"""Authoring tools:  python -m macros validate [project folder] | schema | pages

validate  check every exercise, page, glossary entry and label, print the problems, exit 1 if any
schema    write exercises/exercise.schema.json from the model (for editors)
pages     create the missing one-line exercise pages in docs/fi and docs/sv
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

from .content import load_content
from .errors import ContentError
from .loader import load_exercises
from .model import LANGUAGES, Exercise

ROOT = Path(__file__).resolve().parent.parent
SCHEMA_FILE = ROOT / "exercises" / "exercise.schema.json"
PAGE_STUB = "{{ exercise_page() }}\n"


def schema_text() -> str:
    schema = Exercise.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "Exercise"
    return json.dumps(schema, ensure_ascii=False, indent=2) + "\n"


def create_pages(root: Path = ROOT) -> list[Path]:
    created = []
    for exercise_id in load_exercises(root / "exercises", root):
        for lang in LANGUAGES:
            page = root / "docs" / lang / "exercises" / f"{exercise_id}.md"
            if not page.exists():
                page.write_text(PAGE_STUB, encoding="utf-8")
                created.append(page)
    return created


def main(argv: list[str]) -> int:
    command = argv[0] if argv else "validate"
    try:
        if command == "validate":
            content = load_content(Path(argv[1]) if len(argv) > 1 else ROOT)
            print(f"OK: {len(content.exercises)} exercises")
        elif command == "schema":
            SCHEMA_FILE.write_text(schema_text(), encoding="utf-8")
            print(f"wrote {SCHEMA_FILE.relative_to(ROOT)}")
        elif command == "pages":
            for page in create_pages():
                print(f"created {page.relative_to(ROOT)}")
        else:
            print(__doc__)
            return 2
    except ContentError as exc:
        print(exc, file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
