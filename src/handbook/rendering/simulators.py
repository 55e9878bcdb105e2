"""The block a page gets from `{{ simulator("rate-limiters", ...) }}`: the simulator's static stand-in, which
the simulator's JavaScript replaces when it starts (docs/assets/javascripts/simulators/<id>/).

The stand-in (a paragraph, usually pointing at the page's static figure) is what a reader without JavaScript,
a printout and the PDF get; `simulators.css` hides it once the live simulator is mounted and hides the live
part in print.
"""

from __future__ import annotations

import json
from html import escape
from pathlib import Path

from handbook.errors import HandbookError
from handbook.rendering.safe_markdown import block

SIMULATORS_FOLDER = Path("assets") / "javascripts" / "simulators"
MODULES = ("logic.js", "ui.js")


class SimulatorError(HandbookError):
    """A page asks for a simulator that does not exist or gives it no title or stand-in text."""


def available_simulators(docs: Path) -> list[str]:
    """Every simulator id: a folder under docs/assets/javascripts/simulators with its logic and UI modules."""
    folder = docs / SIMULATORS_FOLDER
    if not folder.is_dir():
        return []
    return sorted(p.name for p in folder.iterdir() if p.is_dir() and all((p / m).is_file() for m in MODULES))


def _data_block(data: dict | None) -> str:
    """The simulator's build-time data as a JSON data block (not a script: browsers never run it, and the
    Content-Security-Policy covers only scripts that run). `<` is escaped so the JSON cannot close the element."""
    if data is None:
        return ""
    text = json.dumps(data, separators=(",", ":"), ensure_ascii=False).replace("<", "\\u003c")
    return f'<script type="application/json" class="hb-sim__data">{text}</script>\n'


def render_simulator(sim_id: str, title: str, fallback: str, data: dict | None = None) -> str:
    if not title.strip():
        raise SimulatorError(f'simulator("{sim_id}"): give it a title="..." (the heading readers see)')
    if not fallback.strip():
        raise SimulatorError(
            f'simulator("{sim_id}"): give it fallback="..." (what a reader without JavaScript and the PDF get)'
        )
    heading_id = f"simulator-{escape(sim_id)}"
    return (
        f'<section class="hb-sim" data-sim="{escape(sim_id)}" aria-labelledby="{heading_id}">\n'
        f'<p class="hb-sim__title" id="{heading_id}"><span class="hb-sim__badge">Simulator</span> '
        f"{escape(title)}</p>\n"
        f'<div class="hb-sim__fallback">{block(fallback)}</div>\n'
        f"{_data_block(data)}"
        "</section>"
    )
