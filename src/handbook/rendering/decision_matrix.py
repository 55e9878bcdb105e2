"""Turn a validated decision matrix into one table: an option per row, a criterion per column."""

from __future__ import annotations

from html import escape

from handbook.content.models import DecisionMatrix
from handbook.rendering import safe_markdown


def render_matrix(matrix: DecisionMatrix) -> str:
    """A captioned table; the row headings are `th scope="row"` so a screen reader names each cell's option."""
    summary = f'<p class="hb-matrix__summary">{safe_markdown.inline(matrix.summary)}</p>' if matrix.summary else ""
    head = "".join(f'<th scope="col">{safe_markdown.inline(c.label)}</th>' for c in matrix.criteria)
    rows = []
    for option in matrix.options:
        cells = "".join(f"<td>{safe_markdown.inline(option.cells[c.id])}</td>" for c in matrix.criteria)
        rows.append(
            f'<tr data-option-id="{option.id}"><th scope="row">{safe_markdown.inline(option.name)}</th>{cells}</tr>'
        )
    return (
        f'<div class="hb-matrix" data-matrix-id="{matrix.id}">{summary}'
        f'<table class="hb-matrix__table"><caption class="hb-sr-only">{escape(matrix.title)}</caption>'
        f'<thead><tr><th scope="col">Option</th>{head}</tr></thead>'
        f"<tbody>{''.join(rows)}</tbody></table></div>"
    )
