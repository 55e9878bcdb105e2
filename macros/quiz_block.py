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
    """The folded answer. Kept out of the search index (`data-search-exclude`): it repeats the choices and
    doubled the index's size, while the prompt above it stays searchable."""
    reasons = []
    for choice in (question.choices[i] for i in question.display_order):
        verdict = "Right" if choice.correct else "Wrong"
        why = f" {safe_markdown.inline(choice.why)}" if choice.why else ""
        reasons.append(
            f'<li class="hb-why hb-why--{verdict.lower()}"><strong>{verdict}:</strong> '
            f"{safe_markdown.inline(choice.text)}.{why}</li>"
        )
    return (
        '<details class="hb-answer success" data-search-exclude><summary>Answer and explanation</summary>'
        f'<ul class="hb-reasons">{"".join(reasons)}</ul>'
        f'<div class="hb-explanation">{safe_markdown.block(question.explanation)}</div></details>'
    )


def _check_button(question: Question) -> str:
    """Multiple-answer questions are checked on request; hidden until quiz.js makes it work."""
    if not question.multiple:
        return ""
    return (
        '<button type="button" class="md-button hb-question__check" '
        f'aria-describedby="q-{question.id}-prompt" hidden>Check answer</button>'
    )


def _question(question: Question, number: int, total: int) -> str:
    hint = "Choose all that apply." if question.multiple else "Choose one answer."
    return (
        f'<fieldset class="hb-question" id="q-{question.id}" data-question-id="{question.id}" '
        f'data-multiple="{str(question.multiple).lower()}" '
        f'data-correct="{",".join(str(i) for i, c in enumerate(question.choices) if c.correct)}">'
        f'<legend><span class="hb-question__meta">Question {number} of {total} '
        f'<span class="hb-difficulty hb-difficulty--{question.difficulty}">{question.difficulty}</span></span> '
        f'<span class="hb-question__prompt" id="q-{question.id}-prompt">{safe_markdown.inline(question.prompt)}</span></legend>'
        f'<p class="hb-question__hint">{hint}</p>'
        f'<ul class="hb-choices">{"".join(_choice(question, i) for i in question.display_order)}</ul>'
        f"{_check_button(question)}"
        f'<div class="hb-feedback" aria-live="polite"></div>'
        f"{_answer(question)}</fieldset>"
    )


def _tools(total: int, heading_id: str) -> str:
    """Score and "Try again": hidden in the HTML, shown by quiz.js, so no dead control appears without JavaScript."""
    return (
        f'<div class="hb-quiz__tools" hidden><p class="hb-quiz__score" aria-live="polite">Score: 0 of {total}</p>'
        '<button type="button" class="md-button hb-quiz__reset" '
        f'aria-describedby="{heading_id}">Try again</button></div>'
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
        f"{questions}{_tools(total, heading_id)}</section>"
    )


def _markdown_text(text: str) -> str:
    """Plain text safe inside a Markdown table cell or link text: HTML and Markdown punctuation as entities."""
    out = escape(text)
    for char in "|[]*_`\\":
        out = out.replace(char, f"&#{ord(char)};")
    return out


def render_quiz_index(quizzes: list[Quiz], links: dict[str, str]) -> str:
    """A Markdown table of every quiz: title linked to its page, number of questions, the reader's progress.

    `links` maps a quiz id to the Markdown link target of the page holding it (relative to the index page);
    a quiz on no page is listed without a link. The progress cells are filled by quiz.js from localStorage;
    without JavaScript they say so.
    """
    rows = ["| Quiz | Questions | Your progress |", "| --- | ---: | --- |"]
    total = 0
    for quiz in quizzes:
        title = _markdown_text(quiz.title)
        target = links.get(quiz.id)
        cell = f"[{title}]({target}#quiz-{quiz.id})" if target else f"{title} (not on a page yet)"
        ids = " ".join(question.id for question in quiz.questions)
        total += len(quiz.questions)
        rows.append(
            f'| {cell} | {len(quiz.questions)} | <span class="hb-quiz-progress" data-quiz-id="{quiz.id}" '
            f'data-question-ids="{ids}">needs JavaScript</span> |'
        )
    rows.append(
        f'| **All {len(quizzes)} quiz{"zes" if len(quizzes) != 1 else ""}** | {total} | <span class="hb-quiz-progress-total">needs JavaScript</span> |'
    )
    reset = (
        '<p class="hb-progress-tools"><button type="button" class="md-button hb-progress-reset" hidden>'
        'Reset all progress</button> <span class="hb-progress-status" role="status"></span></p>'
    )
    return "\n".join(rows) + "\n\n" + reset + "\n"
