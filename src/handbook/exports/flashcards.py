"""The flashcards' deck, `assets/flashcards.json`: one card per quiz question, in reading order; and the
progress index, `assets/progress-index.json`, that the progress dashboard counts with.

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
INDEX_SITE_PATH = "assets/progress-index.json"
INDEX_VERSION = 1  # bump when a key changes meaning; study-progress.js checks it


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


def progress_index(
    questions: dict[str, list[QuestionView]], checklist_items: dict[str, int], placements: Placements
) -> dict:
    """What the dashboard needs to count a reader's progress per nav section, without the deck's text.

    `{"version": 1, "sections": [{"title", "questions": [question ids], "checklists": {checklist id: items}}]}`,
    sections in reading order (of their first page), each question and checklist under the outermost nav
    section of the page that calls it. `checklist_items` maps a checklist id to its number of items.
    """
    sections: dict[str, dict] = {}

    def section(page: PageInfo) -> dict:
        entry = sections.setdefault(page.section, {"order": page.order, "questions": [], "checklists": {}})
        entry["order"] = min(entry["order"], page.order)
        return entry

    placed = sorted((qid for qid in questions if qid in placements.quiz), key=lambda q: placements.quiz[q].order)
    for qid in placed:
        section(placements.quiz[qid])["questions"] += [view.id for view in questions[qid]]
    for cid, items in sorted(checklist_items.items(), key=lambda item: item[0]):
        if cid in placements.checklist:
            section(placements.checklist[cid])["checklists"][cid] = items
    ordered = sorted(sections.items(), key=lambda item: item[1]["order"])
    return {
        "version": INDEX_VERSION,
        "sections": [
            {"title": title, "questions": entry["questions"], "checklists": entry["checklists"]}
            for title, entry in ordered
        ],
    }
