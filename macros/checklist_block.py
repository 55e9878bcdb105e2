"""Turn a validated checklist into a task list grouped by section, with stable item ids."""

from __future__ import annotations

import re
from html import escape

from . import safe_markdown
from .data_models import Checklist, ChecklistItem


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def _item(checklist_id: str, item: ChecklistItem) -> str:
    input_id = f"check-{checklist_id}-{item.id}"
    detail = f' <span class="hb-check__detail">{safe_markdown.inline(item.detail)}</span>' if item.detail else ""
    return (
        f'<li class="task-list-item hb-check" data-item-id="{item.id}">'
        f'<label class="task-list-control" for="{input_id}"><input type="checkbox" id="{input_id}">'
        f'<span class="task-list-indicator"></span></label> '
        f'<label class="hb-check__text" for="{input_id}">{safe_markdown.inline(item.text)}</label>{detail}</li>'
    )


def render_checklist(checklist: Checklist, heading_level: int = 2) -> str:
    """A heading per section and a task list of its items; checkboxes are live for the interactive layer."""
    level = min(max(heading_level, 2), 6)
    summary = (
        f'<p class="hb-checklist__summary">{safe_markdown.inline(checklist.summary)}</p>' if checklist.summary else ""
    )
    sections = []
    for section in checklist.sections:
        section_id = f"{checklist.id}--{_slug(section.title)}"
        items = "".join(_item(checklist.id, item) for item in section.items)
        sections.append(
            f'<section class="hb-checklist__section" aria-labelledby="{section_id}">'
            f'<h{level} id="{section_id}">{escape(section.title)}</h{level}>'
            f'<ul class="task-list hb-checklist__items">{items}</ul></section>'
        )
    return f'<div class="hb-checklist" data-checklist-id="{checklist.id}">{summary}{"".join(sections)}</div>'
