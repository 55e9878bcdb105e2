"""Write the JSON Schemas for the data files (quizzes, checklists, decision matrices, the rubric, mock loops)
from the same models the build validates with.

Usage: python scripts/export_schemas.py [--check]. With --check, write nothing and exit 1 if a schema in
`schemas/` differs from the models (a test runs this, so the schemas editors use never drift).
"""

from __future__ import annotations

import argparse
import json
import sys

from handbook.content.models import Checklist, DecisionMatrix, Quiz
from handbook.content.practice import Loop, Rubric
from handbook.project import repository

ROOT = repository().root

SCHEMAS = {"quiz": Quiz, "checklist": Checklist, "decision-matrix": DecisionMatrix, "rubric": Rubric, "loop": Loop}
# Where the files a schema describes live, and the module of its model.
FILES = {
    "quiz": ("data/quizzes/<id>.yml", "models.py"),
    "checklist": ("data/checklists/<id>.yml", "models.py"),
    "decision-matrix": ("data/decision-matrices/<id>.yml", "models.py"),
    "rubric": ("data/rubric.yml", "practice.py"),
    "loop": ("data/loops/<id>.yml", "practice.py"),
}


def render(name: str) -> str:
    schema = SCHEMAS[name].model_json_schema()
    files, module = FILES[name]
    schema = {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": f"{name}.schema.json",
        "description": f"A {name} file of the Backend Interview Handbook: {files}. "
        f"Generated from src/handbook/content/{module} by scripts/export_schemas.py.",
        **schema,
    }
    return json.dumps(schema, indent=2, sort_keys=False) + "\n"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="fail instead of writing when a schema is stale")
    args = parser.parse_args()
    stale = []
    for name in SCHEMAS:
        path = ROOT / "schemas" / f"{name}.schema.json"
        text = render(name)
        if path.exists() and path.read_text(encoding="utf-8") == text:
            continue
        stale.append(path.relative_to(ROOT).as_posix())
        if not args.check:
            path.parent.mkdir(exist_ok=True)
            path.write_text(text, encoding="utf-8")
    if stale:
        verb = (
            "is out of date with the models in src/handbook/content: run python scripts/export_schemas.py"
            if args.check
            else "written"
        )
        print("\n".join(f"{path} {verb}" for path in stale), file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
