"""The data models and loader: good files load; every bad file stops with `path:line: key: what to do`."""

from __future__ import annotations

import shutil
import textwrap
from pathlib import Path

import pytest

from handbook.content.loading import load_data
from handbook.errors import DataError

GOOD_QUIZ = """\
id: sample
title: Sample
questions:
  - id: sample-first
    prompt: Which is right?
    choices:
      - text: This one
        correct: true
        why: Because.
      - text: That one
        why: Not that.
      - text: The other one
        why: Nor that.
    explanation: This one is right because of the mechanism.
    difficulty: junior
"""

GOOD_CHECKLIST = """\
id: night
title: The night before
sections:
  - title: Sleep
    items:
      - id: sleep-early
        text: Go to bed early
"""


def write(root: Path, relative: str, text: str | bytes) -> Path:
    path = root / relative
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


REAL_DATA = Path(__file__).resolve().parents[2] / "data"


@pytest.fixture
def project(tmp_path: Path) -> Path:
    write(tmp_path, "data/quizzes/sample.yml", GOOD_QUIZ)
    write(tmp_path, "data/checklists/night.yml", GOOD_CHECKLIST)
    for table in ("latency-numbers.yml", "estimation-examples.yml"):
        shutil.copy(REAL_DATA / table, tmp_path / "data" / table)
    return tmp_path


def test_table_data_is_validated_with_the_file_line_and_key(project: Path):
    """The latency and estimate tables are data too: an unknown or mistyped key stops the build."""
    path = project / "data" / "estimation-examples.yml"
    path.write_text(path.read_text(encoding="utf-8").replace("peak_factor: 3", "peak_factr: 3", 1), encoding="utf-8")
    latency = project / "data" / "latency-numbers.yml"
    latency.write_text(latency.read_text(encoding="utf-8").replace("nanoseconds: 100\n", "nanoseconds: -1\n", 1))
    found = problems_for(project)
    assert any(
        p.startswith("data/estimation-examples.yml:") and "services[0].peak_factr: unknown key" in p for p in found
    ), found
    assert any(p.startswith("data/estimation-examples.yml:") and "peak_factor` is missing" in p for p in found), found
    assert any(p.startswith("data/latency-numbers.yml:") and "nanoseconds" in p for p in found), found


def problems_for(project: Path) -> list[str]:
    with pytest.raises(DataError) as caught:
        load_data(project)
    return caught.value.problems


def test_good_files_load_with_their_models(project):
    data = load_data(project)
    question = data.quizzes["sample"].model.questions[0]
    assert question.id == "sample-first" and not question.multiple
    assert data.checklists["night"].model.sections[0].items[0].id == "sleep-early"


def test_two_correct_choices_make_a_multiple_answer_question(project):
    write(
        project,
        "data/quizzes/sample.yml",
        GOOD_QUIZ.replace("      - text: That one\n", "      - text: That one\n        correct: true\n"),
    )
    assert load_data(project).quizzes["sample"].model.questions[0].multiple


BAD_QUIZZES = [
    ("yaml syntax", GOOD_QUIZ.replace("title: Sample", "title: [Sample"), "sample.yml:3: YAML syntax error"),
    (
        "missing prompt",
        GOOD_QUIZ.replace("    prompt: Which is right?\n", ""),
        "sample.yml:4: questions[0].prompt: required key `prompt` is missing: add it",
    ),
    (
        "unknown key",
        GOOD_QUIZ.replace("    difficulty: junior", "    difficulty: junior\n    answer: 1"),
        "sample.yml:16: questions[0].answer: unknown key `answer`: remove it or check its spelling",
    ),
    (
        "wrong type",
        GOOD_QUIZ.replace("        correct: true", '        correct: "yes"'),
        "sample.yml:8: questions[0].choices[0].correct: Input should be a valid boolean, not str 'yes'",
    ),
    (
        "no correct choice",
        GOOD_QUIZ.replace("        correct: true\n", ""),
        "sample.yml:4: questions[0]: no choice is marked `correct: true`: mark the right answer(s)",
    ),
    (
        "bad difficulty",
        GOOD_QUIZ.replace("difficulty: junior", "difficulty: easy"),
        "sample.yml:15: questions[0].difficulty: 'easy' is not allowed: 'junior', 'mid' or 'senior'",
    ),
    (
        "one choice",
        GOOD_QUIZ.replace("      - text: That one\n        why: Not that.\n", ""),
        "sample.yml:6: questions[0].choices: List should have at least 3 items after validation, not 2",
    ),
    (
        "id not kebab-case",
        GOOD_QUIZ.replace("id: sample-first", "id: Sample_First"),
        "sample.yml:4: questions[0].id: 'Sample_First' is not a kebab-case id",
    ),
    (
        "id differs from file name",
        GOOD_QUIZ.replace("id: sample\n", "id: other\n"),
        "sample.yml:1: id: `other` does not match the file name `sample`: rename one to match",
    ),
    (
        "duplicate key",
        GOOD_QUIZ.replace("title: Sample", "title: Sample\ntitle: Again"),
        "sample.yml:3: key `title` repeats the one on line 2: keep one",
    ),
    ("empty file", "", "sample.yml:1: the file is empty"),
    ("not a mapping", "- just\n- a list\n", "sample.yml:1: (top level): expected a mapping of keys, got list"),
    (
        "empty prompt",
        GOOD_QUIZ.replace("prompt: Which is right?", "prompt: ''"),
        "sample.yml:5: questions[0].prompt: String should have at least 1 character",
    ),
]


@pytest.mark.parametrize("case, text, expected", BAD_QUIZZES, ids=[case[0] for case in BAD_QUIZZES])
def test_bad_quiz_is_reported_with_file_line_and_key(project, case, text, expected):
    write(project, "data/quizzes/sample.yml", text)
    problems = problems_for(project)
    assert any(problem.startswith("data/quizzes/" + expected) for problem in problems), problems


def test_non_utf8_file_is_named(project):
    write(project, "data/quizzes/sample.yml", GOOD_QUIZ.encode("utf-8") + b"\xff\xfe")
    assert problems_for(project) == [
        f"data/quizzes/sample.yml: byte {len(GOOD_QUIZ.encode())} is not UTF-8: save the file as UTF-8"
    ]


def test_question_ids_are_unique_across_files(project):
    write(project, "data/quizzes/copy.yml", GOOD_QUIZ.replace("id: sample\n", "id: copy\n"))
    assert problems_for(project) == [
        "data/quizzes/sample.yml:4: questions[0].id: `sample-first` is already used at data/quizzes/copy.yml:4: "
        "question ids are unique across the site; choose another"
    ]


def test_every_problem_in_every_file_is_reported_at_once(project):
    write(project, "data/quizzes/sample.yml", GOOD_QUIZ.replace("difficulty: junior", "difficulty: easy"))
    write(project, "data/checklists/night.yml", GOOD_CHECKLIST.replace("        text: Go to bed early\n", ""))
    problems = problems_for(project)
    assert len(problems) == 2
    assert problems[1] == (
        "data/checklists/night.yml:6: sections[0].items[0].text: required key `text` is missing: add it"
    )


def test_duplicate_checklist_item_ids_are_rejected(project):
    write(project, "data/checklists/night.yml", GOOD_CHECKLIST + "      - id: sleep-early\n        text: Again\n")
    assert problems_for(project) == [
        "data/checklists/night.yml:1: (top level): item id `sleep-early` is used twice: ids must be unique"
    ]


def test_wrong_extension_is_named(project):
    write(project, "data/quizzes/extra.yaml", GOOD_QUIZ)
    assert problems_for(project) == ["data/quizzes/extra.yaml: data files end in .yml: rename it"]
