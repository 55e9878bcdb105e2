"""The table on the downloads page: each file, what it holds and its size, linked relative to the page.

The deck is part of every build (hooks/downloads.py), so its link is a Markdown link that MkDocs' strict
check verifies. The PDFs are printed from the built site afterwards (`make pdf`, run by the deploy), so the
build cannot see them: their links are HTML, and tests/pdf checks that they resolve once published.
"""

from __future__ import annotations

from html import escape

from mkdocs.utils import get_relative_url

from handbook.exports.catalog import ANKI_DECK, CHECKLISTS_PDF, HANDBOOK_PDF, PAPERS, site_path
from handbook.text import build_date

PAPER_LABELS = {"a4": "A4", "letter": "US Letter"}


def _size(num_bytes: int | None) -> str:
    if num_bytes is None:
        return "printed at deploy"
    return f"{num_bytes / 1024:.0f} KB" if num_bytes < 1024 * 1024 else f"{num_bytes / 1024 / 1024:.1f} MB"


def _pdf_links(names: dict[str, str], page_url: str) -> str:
    return " · ".join(
        f'<a href="{escape(get_relative_url(site_path(names[paper]), page_url))}" download>{PAPER_LABELS[paper]}</a>'
        for paper in PAPERS
    )


def render_downloads(data, built: dict[str, int], page_src: str, page_url: str) -> str:
    """A Markdown table of the downloads, for the page whose source is `page_src` and URL `page_url`.

    `data` is the build's validated data; `built` maps each file this build publishes to its size in bytes.
    """
    cards, quizzes, checklists = data.question_count, len(data.quizzes), len(data.checklists)
    deck_link = get_relative_url(site_path(ANKI_DECK), page_src)
    rows = [
        "| Download | What it holds | Size |",
        "| --- | --- | --- |",
        f'| [Anki deck (`.apkg`)]({deck_link}) | <span class="hb-download-cards">{cards}</span> cards from '
        f"{quizzes} quizzes, a sub-deck per section | {_size(built.get(ANKI_DECK))} |",
        f"| The handbook as a PDF: {_pdf_links(HANDBOOK_PDF, page_url)} | Cover, contents, every chapter in "
        "reading order, each chapter's quiz answers at its end | printed at deploy |",
        f"| Every checklist as a PDF: {_pdf_links(CHECKLISTS_PDF, page_url)} | {checklists} checklists, one "
        "per page, with empty boxes | printed at deploy |",
    ]
    return "\n".join(rows) + f'\n\nBuilt on <time class="hb-download-date">{build_date().isoformat()}</time>.\n'
