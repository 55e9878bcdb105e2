"""MkDocs hook: the flashcards' deck, `assets/flashcards.json`, generated from `data/quizzes/` (`on_nav`).

`on_nav` because each card names the nav section of the page holding its quiz, and pages have their nav
parents only from then on; the file is added to the build's files (nothing is written into `docs/`), so
`mkdocs serve` rebuilds it when a quiz changes. flashcards.js fetches it on the flashcards page only. It is a
static file, so the search plugin never indexes it.

One card per question, in reading order (the nav position of the quiz's page, then the quiz file's order):
`id`, `quiz`, `section` (the outermost nav section above the page, or the page's own title at the top of the
nav), `difficulty`, `prompt`, `choices` (HTML, in the order the quiz block shows them), `correct` (indices
into `choices`), `explanation` and `url` (`<page url>#q-<question id>`, relative to the site root). Markdown
goes through `macros.safe_markdown`, so raw HTML in a data file reaches the page as text. A quiz no page
calls has no card, having nowhere to link to (hooks/downloads.py stops the build for one).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from mkdocs.structure.files import File, InclusionLevel

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # MkDocs loads hooks by path; the macros package lives at the root

from macros import _quiz_calls, build_data, safe_markdown  # noqa: E402 - the same page lookup as the quiz_index macro
from macros.data_models import Question  # noqa: E402
from macros.nav_sections import section_titles  # noqa: E402

SITE_PATH = "assets/flashcards.json"
FORMAT_VERSION = 1  # bump when a key changes meaning; flashcards.js checks it


def card(question: Question, quiz_id: str, section: str, page_url: str) -> dict:
    """One card, as flashcards.js reads it."""
    order = question.display_order
    return {
        "id": question.id,
        "quiz": quiz_id,
        "section": section,
        "difficulty": question.difficulty,
        "prompt": safe_markdown.inline(question.prompt),
        "choices": [safe_markdown.inline(question.choices[i].text) for i in order],
        "correct": [shown for shown, i in enumerate(order) if question.choices[i].correct],
        "explanation": safe_markdown.block(question.explanation),
        "url": f"{page_url}#q-{question.id}",
    }


def _section(page) -> str:
    titles = section_titles(page)
    if titles:
        return titles[0]
    return (page.title if page is not None else None) or "Other pages"


def deck(data, files, nav_pages) -> dict:
    """The deck for every quiz a page calls, in reading order; `nav_pages` is the nav's pages in order."""
    calls = _quiz_calls(files)
    order = {page.file.src_uri: n for n, page in enumerate(nav_pages)}
    placed = sorted(
        (qid for qid in data.quizzes if qid in calls),
        key=lambda qid: (order.get(calls[qid], len(order)), calls[qid], qid),
    )
    cards = []
    for quiz_id in placed:
        file = files.get_file_from_path(calls[quiz_id])
        section = _section(file.page)
        for question in data.quizzes[quiz_id].model.questions:
            cards.append(card(question, quiz_id, section, file.url))
    return {"version": FORMAT_VERSION, "cards": cards}


def on_nav(nav, config, files):
    try:
        content = deck(build_data(config), files, nav.pages)
    except UnicodeDecodeError:
        return nav  # MkDocs names the page that is not UTF-8 when it reads it, just after this hook
    text = json.dumps(content, ensure_ascii=False, separators=(",", ":"))
    files.append(File.generated(config, SITE_PATH, content=text, inclusion=InclusionLevel.INCLUDED))
    return nav
