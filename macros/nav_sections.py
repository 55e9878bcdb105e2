"""The navigation sections above a page: one walk for the Anki deck names and the flashcards' section filter."""

from __future__ import annotations

from mkdocs.structure.nav import Section


def section_titles(page) -> list[str]:
    """Titles of the nav sections holding `page`, outermost first; empty for a top-level page or no page."""
    titles = []
    parent = page.parent if page is not None else None
    while isinstance(parent, Section):
        titles.append(parent.title)
        parent = parent.parent
    return titles[::-1]
