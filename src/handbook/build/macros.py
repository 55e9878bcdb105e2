"""The macros pages call (`{{ quiz("sharding") }}`), registered with mkdocs-macros by `macros/__init__.py`.

Each macro takes ids from a page and returns HTML or Markdown from the build context. A content error (an
unknown id, a bad argument) never raises inside the template: mkdocs-macros would turn that into a process
exit and stop `mkdocs serve`. The macro records the problem with the page and line of the call instead, and
`hooks/build_context.py` stops the build once the page's macros have run, the same way in build and serve.
"""

from __future__ import annotations

import functools
import inspect
import re

from mkdocs.utils import get_relative_url

from handbook.build.context import BuildContext, closest, context_of
from handbook.errors import HandbookError
from handbook.figures.html import figure_html
from handbook.rendering.checklists import render_checklist, render_checklist_index
from handbook.rendering.decision_matrix import render_matrix
from handbook.rendering.downloads_page import render_downloads
from handbook.rendering.figure_gallery import gallery_figures, render_gallery
from handbook.rendering.home_map import render_map, render_overview
from handbook.rendering.quizzes import render_quiz, render_quiz_index
from handbook.rendering.simulators import available_simulators, render_simulator
from handbook.rendering.tables import table_macros
from handbook.simulators import PROVIDERS as SIMULATOR_DATA


class ContentError(HandbookError):
    """A page uses a macro wrongly; the message says what to change."""


def call_line(page, kind: str, wanted: str) -> str:
    """`docs/<page>:<line>` of the first call `kind("wanted"` on the page (line in the file, front matter included)."""
    where = f"docs/{page.file.src_uri}"
    pattern = re.compile(rf"""{kind}\(\s*(?:\w+\s*=\s*)?["']{re.escape(wanted)}["']""")
    lines = page.file.content_string.splitlines()
    hit = next((n for n, text in enumerate(lines, 1) if pattern.search(text)), None)
    return f"{where}:{hit}" if hit else where


def _unknown(page, kind: str, wanted: str, known) -> ContentError:
    return ContentError(
        f'{call_line(page, kind, wanted)}: {kind}("{wanted}"): no such {kind}; {closest(wanted, known)}'
    )


def _reporting(env, function):
    """Wrap a macro so that any error becomes a problem reported on the calling page, with no traceback."""

    @functools.wraps(function)
    def macro(*args, **kwargs):
        page = env.page
        try:
            return function(*args, **kwargs)
        except Exception as exc:  # noqa: BLE001 - every failure of a macro is a content error to report
            where = f"docs/{page.file.src_uri}" if page is not None else "a page"
            message = str(exc) if isinstance(exc, ContentError) else f"{where}: {function.__name__}(): {exc}"
            context_of(env.conf).report(page.file.src_uri if page is not None else "", message)
            return ""

    return macro


def _bind_context(function, context: BuildContext):
    """Table macros that read build data take a keyword-only `context`; bind it, keeping the macro's name."""
    if "context" in inspect.signature(function).parameters:
        return functools.update_wrapper(functools.partial(function, context=context), function)
    return function


def define_env(env) -> None:
    """Register every macro; the data was loaded and validated when the build started (on_config)."""
    context = context_of(env.conf)
    data = context.data

    def quiz(quiz_id: str, heading_level: int = 2) -> str:
        """The quiz block for `data/quizzes/<quiz_id>.yml`."""
        if quiz_id not in data.quizzes:
            raise _unknown(env.page, "quiz", quiz_id, data.quizzes)
        html = render_quiz(data.quizzes[quiz_id].model, context.questions[quiz_id], heading_level)
        return context.stash(env.page.file.src_uri, html)

    def checklist(checklist_id: str, heading_level: int = 2) -> str:
        """The task list for `data/checklists/<checklist_id>.yml`."""
        if checklist_id not in data.checklists:
            raise _unknown(env.page, "checklist", checklist_id, data.checklists)
        html = render_checklist(data.checklists[checklist_id].model, heading_level)
        return context.stash(env.page.file.src_uri, html)

    def decision_matrix(matrix_id: str) -> str:
        """The one-page comparison table for `data/decision-matrices/<matrix_id>.yml`."""
        if matrix_id not in data.matrices:
            raise _unknown(env.page, "decision_matrix", matrix_id, data.matrices)
        return context.stash(env.page.file.src_uri, render_matrix(data.matrices[matrix_id].model))

    def quiz_index() -> str:
        """Every quiz in reading order, linked to the page that holds it; quiz.js adds the reader's progress."""
        here = env.page.file.src_uri
        placed = context.placements.quiz
        links = {qid: get_relative_url(page.src_uri, here) for qid, page in placed.items()}
        unplaced = len(context.placements.pages)
        quizzes = sorted(
            (item.model for item in data.quizzes.values()),
            key=lambda quiz: (placed[quiz.id].order if quiz.id in placed else unplaced, quiz.title),
        )
        return render_quiz_index(quizzes, links)

    def checklist_index() -> str:
        """Every checklist, linked to the page that calls it."""
        placed = context.placements.checklist
        missing = [cid for cid in data.checklists if cid not in placed]
        if missing:
            raise ContentError(
                "; ".join(
                    f'data/checklists/{cid}.yml: no page calls checklist("{cid}"): create '
                    f'docs/checklists/{cid}.md holding {{{{ checklist("{cid}") }}}}'
                    for cid in missing
                )
            )
        here = env.page.file.src_uri
        links = {cid: get_relative_url(placed[cid].src_uri, here) for cid in data.checklists}
        return render_checklist_index([item.model for item in data.checklists.values()], links)

    def figure(name: str, caption: str | None = None) -> str:
        """The rendered `figures/<name>.py` figure or `figures/charts/<name>.py` chart, with alt text and caption."""
        if name not in context.figures:
            raise _unknown(env.page, "figure", name, context.figures)
        return figure_html(context.figures[name], env.page.url, caption)

    def figure_gallery() -> str:
        """Every numbered figure of the nav's pages, by section and page, linked to its place in its page."""
        here = env.page.file.src_uri
        entries = gallery_figures(context.placements.pages, context.figures)
        return render_gallery(entries, lambda page: get_relative_url(page.src_uri, here))

    def handbook_map(blurbs: dict[str, str]) -> str:
        """Grid cards of every nav section and its pages; `blurbs` maps each section title to its one line."""
        return render_map(env.variables["navigation"], env.page.file.src_uri, blurbs)

    def handbook_overview() -> str:
        """The home page's map of the handbook as a figure, generated from the nav and the placements."""
        return render_overview(env.variables["navigation"], context.placements)

    def downloads_table() -> str:
        """The downloads page's table: the Anki deck and the PDFs, with the card count and the build date."""
        return render_downloads(data, context.downloads, env.page.file.src_uri, env.page.url)

    def simulator(sim_id: str, title: str = "", fallback: str = "") -> str:
        """An interactive simulator (docs/assets/javascripts/simulators/<sim_id>/) with its static stand-in."""
        known = available_simulators(context.project.docs)
        if sim_id not in known:
            raise _unknown(env.page, "simulator", sim_id, known)
        data = SIMULATOR_DATA[sim_id](context.project) if sim_id in SIMULATOR_DATA else None
        return context.stash(env.page.file.src_uri, render_simulator(sim_id, title, fallback, data))

    for function in (
        quiz,
        simulator,
        checklist,
        decision_matrix,
        quiz_index,
        checklist_index,
        figure,
        figure_gallery,
        handbook_map,
        handbook_overview,
        downloads_table,
    ):
        env.macro(_reporting(env, function), function.__name__)
    for table in table_macros():
        env.macro(_reporting(env, _bind_context(table, context)), table.__name__)
