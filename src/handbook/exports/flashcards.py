"""The flashcards' deck, `assets/flashcards.json`: one card per quiz question, in reading order.

Each card: `id`, `quiz`, `section` (the outermost nav section above the quiz's page, or the page's own title at
the top of the nav), `difficulty`, `prompt`, `choices` (HTML, in the order the quiz block shows them),
`correct` (indices into `choices`), `explanation` and `url` (`<page url>#q-<question id>`, relative to the
site root). A quiz no page calls has no card, having nowhere to link to (the deck stops the build for one).
"""

from __future__ import annotations

from handbook.content.placements import PageInfo, Placements
from handbook.content.questions import QuestionView

SITE_PATH = "assets/flashcards.json"
FORMAT_VERSION = 1  # bump when a key changes meaning; flashcards.js checks it


def card(view: QuestionView, page: PageInfo) -> dict:
    """One card, as flashcards.js reads it."""
    return {
        "id": view.id,
        "quiz": view.quiz_id,
        "section": page.section,
        "difficulty": view.question.difficulty,
        "prompt": view.prompt,
        "choices": list(view.choices),
        "correct": list(view.correct),
        "explanation": view.explanation,
        "url": f"{page.url}#q-{view.id}",
    }


def deck(questions: dict[str, list[QuestionView]], placements: Placements) -> dict:
    """The deck for every quiz a page calls, in reading order (its page's nav position, then the file's order)."""
    placed = sorted(
        (qid for qid in questions if qid in placements.quiz),
        key=lambda qid: (placements.quiz[qid].order, qid),
    )
    cards = [card(view, placements.quiz[qid]) for qid in placed for view in questions[qid]]
    return {"version": FORMAT_VERSION, "cards": cards}
