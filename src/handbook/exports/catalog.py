"""The files the handbook offers for download, and where they live on the site: one list for everything.

The build adds the Anki deck (hooks/study_exports.py); `make pdf` (scripts/build_pdf.py) prints the PDFs from the
built site and copies them beside it; the downloads page (`downloads_table` macro) links them all.
"""

from __future__ import annotations

DOWNLOADS_DIR = "downloads"  # under the site root
ANKI_DECK = "backend-interview-handbook.apkg"

# Paper names as Chromium's page.pdf(format=...) spells them.
PAPERS = {"a4": "A4", "letter": "Letter"}
HANDBOOK_PDF = {paper: f"backend-interview-handbook-{paper}.pdf" for paper in PAPERS}
CHECKLISTS_PDF = {paper: f"backend-interview-checklists-{paper}.pdf" for paper in PAPERS}


def site_path(name: str) -> str:
    """The path of a download under the site root, e.g. `downloads/backend-interview-handbook.apkg`."""
    return f"{DOWNLOADS_DIR}/{name}"
