"""Turn a validated checklist into a task list grouped by section, with stable item ids."""

from __future__ import annotations

from html import escape

from handbook.content.models import Checklist, ChecklistItem
from handbook.rendering import safe_markdown
from handbook.text import slug


def _item(checklist_id: str, item: ChecklistItem) -> str:
    input_id = f"check-{checklist_id}-{item.id}"
    detail = f' <span class="hb-check__detail">{safe_markdown.inline(item.detail)}</span>' if item.detail else ""
    return (
        f'<li class="task-list-item hb-check" data-item-id="{item.id}">'
        f'<label class="task-list-control" for="{input_id}"><input type="checkbox" id="{input_id}">'
        f'<span class="task-list-indicator"></span></label> '
        f'<label class="hb-check__text" for="{input_id}">{safe_markdown.inline(item.text)}</label>{detail}</li>'
    )


# Print, "print with my ticks" and Clear need checklist.js: hidden in the HTML, shown by the script.
_TOOLS = (
    '<div class="hb-checklist__tools" hidden>'
    '<button type="button" class="md-button md-button--primary hb-checklist__print">Print</button>'
    '<label class="hb-checklist__mine"><input type="checkbox" class="hb-checklist__print-ticks"> Print with my ticks</label>'
    '<button type="button" class="md-button hb-checklist__clear">Clear ticks</button>'
    '<span class="hb-checklist__status" role="status"></span></div>'
)


def _count(total: int) -> str:
    """The "3/5" progress of one section, filled in by checklist.js."""
    return (
        f' <span class="hb-checklist__count" data-total="{total}" hidden>'
        f'<span class="hb-checklist__count-visible" aria-hidden="true">0/{total}</span>'
        f'<span class="hb-sr-only">, 0 of {total} done</span></span>'
    )


def render_checklist(checklist: Checklist, heading_level: int = 2) -> str:
    """A heading per section and a task list of its items; checkboxes are live for the interactive layer."""
    level = min(max(heading_level, 2), 6)
    summary = (
        f'<p class="hb-checklist__summary">{safe_markdown.inline(checklist.summary)}</p>' if checklist.summary else ""
    )
    sections = []
    for section in checklist.sections:
        section_id = f"{checklist.id}--{slug(section.title)}"
        items = "".join(_item(checklist.id, item) for item in section.items)
        sections.append(
            f'<section class="hb-checklist__section" aria-labelledby="{section_id}">'
            f'<h{level} id="{section_id}">{escape(section.title)}{_count(len(section.items))}</h{level}>'
            f'<ul class="task-list hb-checklist__items">{items}</ul></section>'
        )
    return f'<div class="hb-checklist" data-checklist-id="{checklist.id}">{summary}{_TOOLS}{"".join(sections)}</div>'


def render_checklist_index(checklists: list[Checklist], links: dict[str, str]) -> str:
    """A Markdown list of every checklist, linked to its page (`links`: id -> link target), with its size."""
    lines = []
    for checklist in checklists:
        count = sum(len(section.items) for section in checklist.sections)
        title = escape(checklist.title).replace("[", "&#91;").replace("]", "&#93;")
        summary = f": {safe_markdown.inline(checklist.summary)}" if checklist.summary else ""
        lines.append(f"- [{title}]({links[checklist.id]}) ({count} item{'s' if count != 1 else ''}){summary}")
    return "\n".join(lines) + "\n"
