"""A guard against quizzes that can be passed without reading: the right choice must not stand out by length.

Test-wise readers pick the longest, most qualified choice. Measured on single-answer questions (characters of
the choice's Markdown), the build stops when the set leans:
- across all quizzes, the right choice is strictly the longest in more than 35% of questions (chance is 25-33%);
- in any quiz file, the median of (right length / mean wrong length) is above 1.25;
- in any quiz of 8 or more questions, the right choice is strictly the longest in more than 35% of them.
Shares of fewer than 8 questions say little, so they are not judged (a quiz that small is judged by its median).
"""

from __future__ import annotations

import statistics
from dataclasses import dataclass

LONGEST_LIMIT = 0.35
RATIO_LIMIT = 1.25
MIN_QUESTIONS = 8
_ADVICE = (
    "make wrong choices as long and specific as the right one (real numbers, real mechanisms) and move the right "
    "one's extra detail into its `why`"
)


@dataclass(frozen=True)
class Balance:
    questions: int  # single-answer questions measured
    longest: list[str]  # ids of those whose right choice is strictly the longest
    ratios: list[float]  # right length / mean wrong length, per question

    @property
    def longest_share(self) -> float:
        return len(self.longest) / self.questions if self.questions else 0.0

    @property
    def median_ratio(self) -> float:
        return statistics.median(self.ratios) if self.ratios else 1.0


def measure(questions) -> Balance:
    longest, ratios, count = [], [], 0
    for question in questions:
        right = [len(c.text) for c in question.choices if c.correct]
        wrong = [len(c.text) for c in question.choices if not c.correct]
        if len(right) != 1 or not wrong:
            continue
        count += 1
        ratios.append(right[0] / (sum(wrong) / len(wrong)))
        if right[0] > max(wrong):
            longest.append(question.id)
    return Balance(count, longest, ratios)


def balance_problems(quizzes: dict) -> list[str]:
    """One line per leaning quiz file, and one for the whole set; `quizzes` maps id -> Loaded."""
    problems = []
    for quiz_id, item in quizzes.items():
        balance = measure(item.model.questions)
        where = f"data/quizzes/{quiz_id}.yml"
        if balance.median_ratio > RATIO_LIMIT:
            problems.append(
                f"{where}: right choices are {balance.median_ratio:.2f} times as long as wrong ones (median; limit "
                f"{RATIO_LIMIT}): {_ADVICE}"
            )
        if balance.questions >= MIN_QUESTIONS and balance.longest_share > LONGEST_LIMIT:
            problems.append(
                f"{where}: the right choice is the longest in {len(balance.longest)} of {balance.questions} questions "
                f"({balance.longest_share:.0%}, limit {LONGEST_LIMIT:.0%}): {', '.join(balance.longest)}: {_ADVICE}"
            )
    overall = measure(q for item in quizzes.values() for q in item.model.questions)
    if overall.questions >= MIN_QUESTIONS and overall.longest_share > LONGEST_LIMIT:
        problems.append(
            f"data/quizzes: the right choice is the longest in {len(overall.longest)} of {overall.questions} "
            f"single-answer questions ({overall.longest_share:.0%}, limit {LONGEST_LIMIT:.0%}): {_ADVICE}"
        )
    return problems
