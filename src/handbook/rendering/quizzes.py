"""Turn a validated quiz into an accessible HTML block that works without JavaScript."""

from __future__ import annotations

from html import escape

from handbook.content.models import Quiz
from handbook.content.questions import QuestionView


def _choice(view: QuestionView, shown: int) -> str:
    kind = "checkbox" if view.question.multiple else "radio"
    qid = view.id
    value = view.order[shown]  # stored answers keep the YAML index
    input_id = f"hbq-{qid}-{value}"
    return (
        f'<li class="hb-choice"><input type="{kind}" id="{input_id}" name="hbq-{qid}" value="{value}">'
        f'<label for="{input_id}">{view.choices[shown]}</label></li>'
    )


def _answer(view: QuestionView) -> str:
    """The folded answer. Kept out of the search index (`data-search-exclude`): it repeats the choices and
    doubled the index's size, while the prompt above it stays searchable. A neutral "info" admonition until the
    reader answers; quiz.js then makes it "success" or "failure" to match the answer."""
    reasons = []
    for shown, text in enumerate(view.choices):
        verdict = "Right" if shown in view.correct else "Wrong"
        why = f" {view.whys[shown]}" if view.whys[shown] else ""
        reasons.append(f'<li class="hb-why hb-why--{verdict.lower()}"><strong>{verdict}:</strong> {text}.{why}</li>')
    return (
        '<details class="hb-answer info" data-search-exclude><summary>Answer and explanation</summary>'
        f'<ul class="hb-reasons">{"".join(reasons)}</ul>'
        f'<div class="hb-explanation">{view.explanation}</div></details>'
    )


def _check_button(view: QuestionView) -> str:
    """Multiple-answer questions are checked on request; hidden until quiz.js makes it work."""
    if not view.question.multiple:
        return ""
    return (
        '<button type="button" class="md-button hb-question__check" '
        f'aria-describedby="q-{view.id}-prompt" hidden>Check answer</button>'
    )


def _question(view: QuestionView, number: int, total: int) -> str:
    question = view.question
    hint = "Choose all that apply." if question.multiple else "Choose one answer."
    correct = ",".join(str(view.order[shown]) for shown in sorted(view.correct, key=lambda n: view.order[n]))
    return (
        f'<fieldset class="hb-question" id="q-{view.id}" data-question-id="{view.id}" '
        f'data-multiple="{str(question.multiple).lower()}" data-correct="{correct}">'
        f'<legend><span class="hb-question__meta">Question {number} of {total} '
        f'<span class="hb-difficulty hb-difficulty--{question.difficulty}">{question.difficulty}</span></span> '
        f'<span class="hb-question__prompt" id="q-{view.id}-prompt">{view.prompt}</span></legend>'
        f'<p class="hb-question__hint">{hint}</p>'
        f'<ul class="hb-choices">{"".join(_choice(view, shown) for shown in range(len(view.choices)))}</ul>'
        f"{_check_button(view)}"
        f'<div class="hb-feedback" aria-live="polite"></div>'
        f"{_answer(view)}</fieldset>"
    )


def _tools(total: int, heading_id: str) -> str:
    """Score and "Try again": hidden in the HTML, shown by quiz.js, so no dead control appears without JavaScript."""
    return (
        f'<div class="hb-quiz__tools" hidden><p class="hb-quiz__score" aria-live="polite">Score: 0 of {total}</p>'
        '<button type="button" class="md-button hb-quiz__reset" '
        f'aria-describedby="{heading_id}">Try again</button></div>'
    )


def render_quiz(quiz: Quiz, views: list[QuestionView], heading_level: int = 2) -> str:
    """The quiz block: a heading, then one fieldset per question (`views`, in file order) with its folded answer."""
    total = len(views)
    heading_id = f"quiz-{quiz.id}"
    level = min(max(heading_level, 2), 6)
    questions = "".join(_question(view, n, total) for n, view in enumerate(views, start=1))
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
    order = (
        '<p class="hb-quiz-sort" hidden><label for="hb-quiz-order">Order</label> '
        '<select id="hb-quiz-order" class="hb-quiz-order"><option value="">Reading order</option>'
        '<option value="weakest">Weakest first</option></select></p>'
    )
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
    return order + "\n\n" + "\n".join(rows) + "\n\n" + reset + "\n"


def render_progress_dashboard(flashcards_url: str, transfer: bool = False) -> str:
    """The reader's progress per nav section: questions seen, quiz accuracy, cards due, checklists done and quiz
    misses to retry (a link to a flashcards session of them). study-progress.js fills the table from
    `assets/progress-index.json` and the store; without JavaScript the block says it needs it. With `transfer`,
    the buttons that export the progress to a file and import it from one follow the table.
    """
    head = "".join(
        f'<th scope="col">{title}</th>'
        for title in ("Section", "Questions seen", "Quiz accuracy", "Cards due", "Checklists done", "Quiz misses")
    )
    tools = ""
    if transfer:
        tools = (
            '<div class="hb-transfer" hidden><p class="hb-transfer__buttons">'
            '<button type="button" class="md-button hb-transfer__export">Export my progress</button> '
            '<button type="button" class="md-button hb-transfer__import">Import a progress file</button>'
            '<input type="file" class="hb-transfer__file" accept=".json,application/json" hidden '
            'aria-label="Progress file to import"></p>'
            '<p class="hb-transfer__status" role="status" aria-live="polite"></p></div>'
        )
    return (
        f'<div class="hb-dashboard" data-search-exclude data-flashcards="{escape(flashcards_url)}">'
        '<p class="hb-dashboard__fallback">Your progress per section shows here; it needs JavaScript, which is off '
        "or blocked in this browser.</p>"
        '<p class="hb-dashboard__empty" hidden>Nothing yet: answer a quiz, review a flashcard or tick a checklist, '
        "and your progress per section shows here. It stays in this browser.</p>"
        '<div class="hb-dashboard__table" hidden><table><caption>Your progress per section, kept in this browser'
        f"</caption><thead><tr>{head}</tr></thead><tbody></tbody></table></div>{tools}</div>"
    )
