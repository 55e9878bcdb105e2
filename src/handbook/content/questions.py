"""The question view: every quiz question rendered once per build, in the order readers see its choices.

Quiz blocks, the flashcards and the Anki deck all read these views, so a question looks the same everywhere
and its Markdown is converted once (it was converted separately by each output, about 10,000 times a build).
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from importlib.metadata import version
from pathlib import Path

from handbook.content.models import Question
from handbook.project import write_whole
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


def question_views(quizzes, cache_dir: Path | None = None) -> dict[str, list[QuestionView]]:
    """Each quiz id (from validated `data/quizzes/`) mapped to its questions' views, in file order.

    With `cache_dir`, the rendered HTML is kept in one file keyed by the questions and the renderer's code, so a
    warm build converts no question's Markdown at all.
    """
    if cache_dir is None:
        return {qid: [view(q, qid) for q in item.model.questions] for qid, item in quizzes.items()}
    digest = hashlib.sha256(_RENDERER_CODE)
    for qid, item in quizzes.items():
        digest.update(qid.encode() + b"\0" + item.model.model_dump_json().encode() + b"\0")
    cached = cache_dir / f"questions-{digest.hexdigest()[:20]}.json"
    try:
        rendered = json.loads(cached.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        views = question_views(quizzes)
        cache_dir.mkdir(parents=True, exist_ok=True)
        for old in cache_dir.glob("questions-*.json"):
            old.unlink(missing_ok=True)
        write_whole(cached, json.dumps({qid: [_fields(v) for v in vs] for qid, vs in views.items()}))
        return views
    return {
        qid: [_from_fields(q, qid, fields) for q, fields in zip(item.model.questions, rendered[qid], strict=True)]
        for qid, item in quizzes.items()
    }


def _fields(v: QuestionView) -> list:
    return [v.prompt, list(v.choices), list(v.whys), list(v.correct), v.explanation]


def _from_fields(question: Question, quiz_id: str, fields: list) -> QuestionView:
    prompt, choices, whys, correct, explanation = fields
    return QuestionView(quiz_id, question, prompt, tuple(choices), tuple(whys), tuple(correct), explanation)


# A change to how questions render, or to the Markdown they are rendered with, invalidates the cache.
_RENDERER_CODE = (
    b"".join(Path(module).read_bytes() for module in (__file__, safe_markdown.__file__))
    + f"markdown {version('markdown')} pymdown-extensions {version('pymdown-extensions')}".encode()
)
