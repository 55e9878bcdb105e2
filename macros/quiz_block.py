"""Turn a validated quiz into an accessible HTML block that works without JavaScript."""

from __future__ import annotations

from html import escape

from . import safe_markdown
from .data_models import Question, Quiz


def _choice(question: Question, index: int) -> str:
    choice = question.choices[index]
    kind = "checkbox" if question.multiple else "radio"
    input_id = f"hbq-{question.id}-{index}"
    return (
        f'<li class="hb-choice"><input type="{kind}" id="{input_id}" name="hbq-{question.id}" value="{index}">'
        f'<label for="{input_id}">{safe_markdown.inline(choice.text)}</label></li>'
    )


def _answer(question: Question) -> str:
    reasons = []
    for choice in question.choices:
        verdict = "Right" if choice.correct else "Wrong"
        why = f" {safe_markdown.inline(choice.why)}" if choice.why else ""
        reasons.append(
            f'<li class="hb-why hb-why--{verdict.lower()}"><strong>{verdict}:</strong> '
            f"{safe_markdown.inline(choice.text)}.{why}</li>"
        )
    return (
        '<details class="hb-answer success"><summary>Answer and explanation</summary>'
        f'<ul class="hb-reasons">{"".join(reasons)}</ul>'
        f'<div class="hb-explanation">{safe_markdown.block(question.explanation)}</div></details>'
    )


def _question(question: Question, number: int, total: int) -> str:
    hint = "Choose all that apply." if question.multiple else "Choose one answer."
    return (
        f'<fieldset class="hb-question" id="q-{question.id}" data-question-id="{question.id}" '
        f'data-multiple="{str(question.multiple).lower()}" '
        f'data-correct="{",".join(str(i) for i, c in enumerate(question.choices) if c.correct)}">'
        f'<legend><span class="hb-question__meta">Question {number} of {total} '
        f'<span class="hb-difficulty hb-difficulty--{question.difficulty}">{question.difficulty}</span></span> '
        f'<span class="hb-question__prompt">{safe_markdown.inline(question.prompt)}</span></legend>'
        f'<p class="hb-question__hint">{hint}</p>'
        f'<ul class="hb-choices">{"".join(_choice(question, i) for i in range(len(question.choices)))}</ul>'
        f'<div class="hb-feedback" aria-live="polite"></div>'
        f"{_answer(question)}</fieldset>"
    )


def render_quiz(quiz: Quiz, heading_level: int = 2) -> str:
    """The quiz block: a heading, then one fieldset per question, each with its folded answer."""
    total = len(quiz.questions)
    heading_id = f"quiz-{quiz.id}"
    level = min(max(heading_level, 2), 6)
    questions = "".join(_question(q, n, total) for n, q in enumerate(quiz.questions, start=1))
    return (
        f'<section class="hb-quiz" data-quiz-id="{quiz.id}" aria-labelledby="{heading_id}">'
        f'<h{level} id="{heading_id}">Quiz: {escape(quiz.title)}</h{level}>'
        f'<p class="hb-quiz__intro">{total} question{"s" if total != 1 else ""}. Pick your answers, then open each answer to check.</p>'
        f"{questions}</section>"
    )
