"""The build refuses a quiz set that can be passed by picking the longest choice."""

from __future__ import annotations

from types import SimpleNamespace

from handbook.content.balance import LONGEST_LIMIT, RATIO_LIMIT, balance_problems, measure
from handbook.content.models import Quiz
from tests.support.contexts import real_context


def quiz(quiz_id: str, right: str, wrong: tuple[str, str], count: int = 8) -> SimpleNamespace:
    questions = [
        {
            "id": f"{quiz_id}-{n}",
            "prompt": "Which?",
            "explanation": "Because.",
            "difficulty": "mid",
            "choices": [
                {"text": f"{right} {n}", "correct": True, "why": "Right."},
                {"text": f"{wrong[0]} {n}", "why": "Wrong."},
                {"text": f"{wrong[1]} {n}", "why": "Wrong."},
            ],
        }
        for n in range(count)
    ]
    return SimpleNamespace(model=Quiz.model_validate({"id": quiz_id, "title": "T", "questions": questions}))


def test_a_quiz_whose_right_choice_is_always_the_longest_is_refused_with_its_questions():
    leaning = quiz("leaning", "the right answer with every qualification spelled out", ("short", "brief"))
    problems = balance_problems({"leaning": leaning})
    assert any(
        p.startswith("data/quizzes/leaning.yml: right choices are") and f"limit {RATIO_LIMIT}" in p for p in problems
    )
    longest = next(p for p in problems if "is the longest in 8 of 8 questions (100%" in p)
    assert longest.startswith("data/quizzes/leaning.yml:") and "leaning-0, leaning-1" in longest
    assert any(p.startswith("data/quizzes: the right choice is the longest in 8 of 8") for p in problems)


def test_a_balanced_quiz_passes_and_a_short_one_is_judged_by_its_median_only():
    balanced = quiz("balanced", "a right answer", ("a wrong answer", "another wrong"))
    assert balance_problems({"balanced": balanced}) == []
    short = quiz("short", "the longest choice here", ("short", "brief"), count=3)
    short_problems = balance_problems({"short": short, "balanced": balanced, "b2": quiz("b2", "x", ("yy", "zz"))})
    assert [p for p in short_problems if "is the longest in" in p and p.startswith("data/quizzes/short.yml")] == []
    assert any(p.startswith("data/quizzes/short.yml: right choices are") for p in short_problems)


def test_the_handbooks_quizzes_do_not_lean():
    quizzes = real_context().data.quizzes
    overall = measure(q for item in quizzes.values() for q in item.model.questions)
    assert overall.questions > 500
    assert overall.longest_share <= LONGEST_LIMIT and overall.median_ratio <= RATIO_LIMIT
    assert balance_problems(quizzes) == []
