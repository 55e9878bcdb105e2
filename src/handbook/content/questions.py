"""The question view: every quiz question rendered once per build, in the order readers see its choices.

Quiz blocks, the flashcards and the Anki deck all read these views, so a question looks the same everywhere
and its Markdown is converted once (it was converted separately by each output, about 10,000 times a build).
"""

from __future__ import annotations

from dataclasses import dataclass

from handbook.content.models import Question
from handbook.rendering import safe_markdown


@dataclass(frozen=True)
class QuestionView:
    quiz_id: str
    question: Question
    prompt: str  # inline HTML
    choices: tuple[str, ...]  # inline HTML, in display order
    whys: tuple[str | None, ...]  # inline HTML, in display order
    correct: tuple[int, ...]  # positions in display order of the right choices
    explanation: str  # block HTML

    @property
    def id(self) -> str:
        return self.question.id

    @property
    def order(self) -> list[int]:
        """YAML indices in display order (stored answers use YAML indices)."""
        return self.question.display_order


def view(question: Question, quiz_id: str) -> QuestionView:
    order = question.display_order
    shown = [question.choices[i] for i in order]
    return QuestionView(
        quiz_id=quiz_id,
        question=question,
        prompt=safe_markdown.inline(question.prompt),
        choices=tuple(safe_markdown.inline(choice.text) for choice in shown),
        whys=tuple(safe_markdown.inline(choice.why) if choice.why else None for choice in shown),
        correct=tuple(n for n, choice in enumerate(shown) if choice.correct),
        explanation=safe_markdown.block(question.explanation),
    )


def question_views(quizzes) -> dict[str, list[QuestionView]]:
    """Each quiz id (from validated `data/quizzes/`) mapped to its questions' views, in file order."""
    return {qid: [view(q, qid) for q in item.model.questions] for qid, item in quizzes.items()}
