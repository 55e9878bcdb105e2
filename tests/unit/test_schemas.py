"""The JSON Schemas editors use are generated from the build's models, never drift, and agree with them."""

from __future__ import annotations

import json
import subprocess
import sys

import jsonschema
import pytest
import yaml

from handbook.content.models import Quiz
from tests.conftest import ROOT

FILES = [*sorted((ROOT / "data" / "quizzes").glob("*.yml")), *sorted((ROOT / "data" / "checklists").glob("*.yml"))]
FILES += sorted((ROOT / "data" / "decision-matrices").glob("*.yml"))
KINDS = {"quizzes": "quiz", "checklists": "checklist", "decision-matrices": "decision-matrix"}


def schema_for(path):
    kind = KINDS[path.parent.name]
    return json.loads((ROOT / "schemas" / f"{kind}.schema.json").read_text(encoding="utf-8")), kind


def test_committed_schemas_match_the_models():
    result = subprocess.run(
        [sys.executable, "scripts/export_schemas.py", "--check"], cwd=ROOT, capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr


@pytest.mark.parametrize("path", FILES, ids=[f"{p.parent.name}/{p.name}" for p in FILES])
def test_data_file_names_its_schema_and_satisfies_it(path):
    schema, kind = schema_for(path)
    first_line = path.read_text(encoding="utf-8").splitlines()[0]
    assert first_line == f"# yaml-language-server: $schema=../../schemas/{kind}.schema.json"
    jsonschema.validate(yaml.safe_load(path.read_text(encoding="utf-8")), schema)


def test_schema_rejects_what_the_models_reject():
    schema, _ = schema_for(ROOT / "data" / "quizzes" / "x.yml")
    good = {
        "id": "q",
        "title": "Q",
        "questions": [
            {
                "id": "q-a",
                "prompt": "P?",
                "explanation": "E.",
                "difficulty": "mid",
                "choices": [
                    {"text": "a", "correct": True, "why": "A."},
                    {"text": "b", "why": "B."},
                    {"text": "c", "why": "C."},
                ],
            }
        ],
    }
    jsonschema.validate(good, schema)
    Quiz.model_validate(good)
    question = good["questions"][0]
    no_correct = [{"text": c["text"], "why": c["why"]} for c in question["choices"]]
    for bad in (
        {**good, "extra": 1},
        {**good, "id": "Not Kebab"},
        {**good, "questions": [{**question, "difficulty": "easy"}]},
        {**good, "questions": [{**question, "choices": no_correct}]},  # an editor shows: no right answer
        {**good, "questions": [{**question, "choices": question["choices"][:2]}]},  # fewer than three
        {**good, "questions": [{**question, "choices": [*question["choices"][:2], {"text": "c"}]}]},  # no why
    ):
        with pytest.raises(jsonschema.ValidationError):
            jsonschema.validate(bad, schema)
        with pytest.raises(ValueError):
            Quiz.model_validate(bad)
