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


def _size(num_bytes: int) -> str:
    return f"{num_bytes / 1024:.0f} KB" if num_bytes < 1024 * 1024 else f"{num_bytes / 1024 / 1024:.1f} MB"


def _pdf_cells(names: dict[str, str], built: dict[str, int], page_url: str) -> tuple[str, str]:
    """Links to the papers this build publishes, and their sizes; without them, plain text and how to print them."""
    papers = [paper for paper in PAPERS if names[paper] in built]
    if not papers:
        return "not in this build", "print them with `make pdf`"
    links = " · ".join(
        f'<a href="{escape(get_relative_url(site_path(names[paper]), page_url))}" download>{PAPER_LABELS[paper]}</a>'
        for paper in papers
    )
    return links, " · ".join(_size(built[names[paper]]) for paper in papers)


def render_downloads(data, built: dict[str, int], page_src: str, page_url: str) -> str:
    """A Markdown table of the downloads, for the page whose source is `page_src` and URL `page_url`.

    `data` is the build's validated data; `built` maps each file this build publishes to its size in bytes.
    """
    cards, quizzes, checklists = data.question_count, len(data.quizzes), len(data.checklists)
    deck_link = get_relative_url(site_path(ANKI_DECK), page_src)
    handbook_links, handbook_sizes = _pdf_cells(HANDBOOK_PDF, built, page_url)
    checklist_links, checklist_sizes = _pdf_cells(CHECKLISTS_PDF, built, page_url)
    rows = [
        "| Download | What it holds | Size |",
        "| --- | --- | --- |",
        f'| [Anki deck (`.apkg`)]({deck_link}) | <span class="hb-download-cards">{cards}</span> questions from '
        f"{quizzes} quizzes, each a recall card and a multiple-choice card ({2 * cards} cards), a sub-deck per "
        f"section | {_size(built[ANKI_DECK])} |",
        f"| The handbook as a PDF: {handbook_links} | Cover, contents, every chapter in "
        f"reading order, each chapter's quiz answers at its end | {handbook_sizes} |",
        f"| Every checklist as a PDF: {checklist_links} | {checklists} checklists, one "
        f"per page, with empty boxes | {checklist_sizes} |",
    ]
    return "\n".join(rows) + f'\n\nBuilt on <time class="hb-download-date">{build_date().isoformat()}</time>.\n'
