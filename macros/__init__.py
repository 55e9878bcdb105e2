"""The mkdocs-macros module (`module_name: macros`): registers the handbook's macros.

`define_env` runs once when the build starts: it loads and validates `data/`, so a bad file stops the build
before any page is rendered. Each macro takes an id from a page and returns HTML or Markdown.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.exceptions import PluginError

from . import figure_registry
from .checklist_block import render_checklist
from .data_loader import DataError, load_data
from .quiz_block import render_quiz
from .tables import table_macros

ROOT = Path(__file__).resolve().parent.parent


def _unknown(kind: str, wanted: str, page, known) -> PluginError:
    """An error naming the page, the line of the call and the ids that exist."""
    where, line = "a page", ""
    if page is not None:
        where = f"docs/{page.file.src_uri}"
        source = page.file.content_string.splitlines()
        hits = [n for n, text in enumerate(source, 1) if f"{kind}(" in text and wanted in text]
        line = f":{hits[0]}" if hits else ""
    choices = ", ".join(sorted(known)) or "none"
    return PluginError(f'{where}{line}: {kind}("{wanted}"): no such {kind}; known ids: {choices}')


def define_env(env) -> None:
    try:
        data = load_data(ROOT)
    except DataError as exc:
        raise PluginError(f"invalid data files:\n{exc}") from None
    env.variables["handbook_data"] = data

    @env.macro
    def quiz(quiz_id: str, heading_level: int = 2) -> str:
        """The quiz block for `data/quizzes/<quiz_id>.yml`."""
        if quiz_id not in data.quizzes:
            raise _unknown("quiz", quiz_id, env.page, data.quizzes)
        return render_quiz(data.quizzes[quiz_id].model, heading_level)

    @env.macro
    def checklist(checklist_id: str, heading_level: int = 2) -> str:
        """The task list for `data/checklists/<checklist_id>.yml`."""
        if checklist_id not in data.checklists:
            raise _unknown("checklist", checklist_id, env.page, data.checklists)
        return render_checklist(data.checklists[checklist_id].model, heading_level)

    @env.macro
    def figure(name: str, caption: str | None = None) -> str:
        """The rendered `diagrams/<name>.py` figure, with its alt text and caption."""
        if name not in figure_registry.FIGURES:
            raise _unknown("figure", name, env.page, figure_registry.FIGURES)
        return figure_registry.figure_html(name, env.page.url, caption)

    for table in table_macros():
        env.macro(table)
