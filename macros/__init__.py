"""The mkdocs-macros module (`module_name: macros`): registers the handbook's macros.

`define_env` runs once when the build starts: it loads and validates `data/`, so a bad file stops the build
before any page is rendered. Each macro takes an id from a page and returns HTML or Markdown.
"""

from __future__ import annotations

import re
import weakref
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.utils import get_relative_url

from . import figure_registry
from .checklist_block import render_checklist, render_checklist_index
from .data_loader import DataError, load_data
from .downloads_page import render_downloads
from .handbook_map import render_map
from .quiz_block import render_quiz, render_quiz_index
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


def _quiz_calls(files) -> dict[str, str]:
    """Map each quiz id to the src path of the first page (in path order) whose source calls `quiz("id")`.

    Read from the pages' Markdown sources in MkDocs' own file collection (`env.variables["files"]`, set by
    mkdocs-macros in on_nav, so it honours `docs_dir` and `exclude_docs` and sees pages outside the nav).
    Matching the Jinja call itself (`{{ quiz("id"`) is exact: a call in a page always runs, because code
    fences do not protect `{{ }}`; a mention in prose or in backticks without braces is not a call. The
    nav cannot answer this (it knows titles, not page content) and recording calls while pages render
    would depend on render order (the index could render before the pages that hold the quizzes).
    """
    if files not in _CALLS_READ:  # the two hooks and the quiz index ask once per build: read the pages once
        found: dict[str, str] = {}
        for file in sorted(files.documentation_pages(), key=lambda f: f.src_uri):
            for match in _QUIZ_CALL.finditer(file.content_string):
                found.setdefault(match.group(2), file.src_uri)
        _CALLS_READ[files] = found
    return dict(_CALLS_READ[files])


# Per build: each build (and each `mkdocs serve` rebuild) has a Files collection of its own.
_CALLS_READ: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


_QUIZ_CALL = re.compile(r"""\{\{-?\s*quiz\(\s*(?:quiz_id\s*=\s*)?(["'])([a-z0-9-]+)\1""")


def build_data(config):
    """The data `define_env` loaded and validated for this build, for the hooks (they run after it)."""
    return config.plugins["macros"].variables["handbook_data"]


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
    def quiz_index() -> str:
        """A table of every quiz in `data/quizzes/` with a link to the page holding it; quiz.js adds progress."""
        here = env.page.file.src_uri
        pages = _quiz_calls(env.variables["files"])
        links = {qid: get_relative_url(src, here) for qid, src in pages.items()}
        # In reading order: by the position of the quiz's page in the navigation, unplaced quizzes last.
        order = {page.file.src_uri: n for n, page in enumerate(env.variables["navigation"].pages)}
        quizzes = sorted(
            (item.model for item in data.quizzes.values()),
            key=lambda quiz: (order.get(pages.get(quiz.id, ""), len(order)), quiz.title),
        )
        return render_quiz_index(quizzes, links)

    @env.macro
    def checklist_index() -> str:
        """A list of every checklist in `data/checklists/`, each linked to its page `docs/checklists/<id>.md`."""
        pages = {file.src_uri for file in env.variables["files"].documentation_pages()}
        missing = [cid for cid in data.checklists if f"checklists/{cid}.md" not in pages]
        if missing:
            raise PluginError(
                "; ".join(
                    f"data/checklists/{cid}.yml has no page: create docs/checklists/{cid}.md holding "
                    f'{{{{ checklist("{cid}") }}}}'
                    for cid in missing
                )
            )
        here = env.page.file.src_uri
        links = {cid: get_relative_url(f"checklists/{cid}.md", here) for cid in data.checklists}
        return render_checklist_index([item.model for item in data.checklists.values()], links)

    @env.macro
    def figure(name: str, caption: str | None = None) -> str:
        """The rendered `diagrams/<name>.py` figure, with its alt text and caption."""
        if name not in figure_registry.FIGURES:
            raise _unknown("figure", name, env.page, figure_registry.FIGURES)
        return figure_registry.figure_html(name, env.page.url, caption)

    @env.macro
    def handbook_map(blurbs: dict[str, str]) -> str:
        """Grid cards of every nav section and its pages; `blurbs` maps each section title to its one line."""
        return render_map(env.variables["navigation"], env.page.file.src_uri, blurbs)

    @env.macro
    def downloads_table() -> str:
        """The downloads page's table: the Anki deck and the PDFs, with the card count and the build date."""
        cards = sum(len(item.model.questions) for item in data.quizzes.values())
        return render_downloads(cards, len(data.quizzes), len(data.checklists), env.page.file.src_uri, env.page.url)

    for table in table_macros():
        env.macro(table)
