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
from handbook.build.gallery import gallery_markdown
from handbook.content.practice_loading import reference_problems
from handbook.errors import DataError, HandbookError
from handbook.figures.html import figure_html
from handbook.rendering.checklists import render_checklist, render_checklist_index
from handbook.rendering.downloads_page import render_downloads
from handbook.rendering.home_map import render_map, render_overview
from handbook.rendering.practice import loop_index_markdown, loop_markdown, render_history, rubric_markdown
from handbook.rendering.problems import render_problem_header, render_problem_index
from handbook.rendering.quizzes import render_progress_dashboard, render_quiz, render_quiz_index
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

    def progress_dashboard(transfer: bool = False) -> str:
        """The reader's progress per section (study-progress.js); `transfer`: with export and import."""
        flashcards_page = context.placements.page("study/flashcards.md")
        if flashcards_page is None:
            raise ContentError("docs/study/flashcards.md is missing: the dashboard links the quiz misses there")
        link = get_relative_url(flashcards_page.url, env.page.url)  # a URL in raw HTML: MkDocs does not rewrite it
        return context.stash(env.page.file.src_uri, render_progress_dashboard(link, transfer))

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

    def _problem_set():
        if data.problem_set is None:
            raise ContentError(f"docs/{env.page.file.src_uri}: data/problems.yml is missing: restore it from git")
        try:
            data.problem_set.check_pages(context.project.root)
        except DataError as exc:
            raise ContentError("\n".join(exc.problems)) from None
        return data.problem_set

    def _link_from_here(target: str) -> str:
        """A docs/ path with an optional #anchor, as a Markdown link relative to the calling page."""
        path, _, anchor = target.partition("#")
        relative = get_relative_url(path, env.page.file.src_uri)
        return f"{relative}#{anchor}" if anchor else relative

    def problem(problem_id: str) -> str:
        """A coding problem's header: difficulty, the pattern's teaching page, the timer and the reader's mark."""
        problem_set = _problem_set()
        problems = problem_set.by_id()
        if problem_id not in problems:
            raise _unknown(env.page, "problem", problem_id, problems)
        item = problems[problem_id]
        pattern = problem_set.pattern(item.pattern)
        if pattern.page != env.page.file.src_uri:
            raise ContentError(
                f'{call_line(env.page, "problem", problem_id)}: problem("{problem_id}") belongs on '
                f"docs/{pattern.page} (its pattern is `{pattern.id}` in data/problems.yml): move the call there"
            )
        return render_problem_header(item, pattern, problem_set.section_title(item), _link_from_here)

    def problem_index() -> str:
        """Every coding problem by pattern and difficulty, linked to its section; problems.js adds the marks."""
        return render_problem_index(_problem_set(), _link_from_here)

    def figure(name: str, caption: str | None = None) -> str:
        """The rendered `figures/<name>.py` figure or `figures/charts/<name>.py` chart, with alt text and caption."""
        if name not in context.figures:
            raise _unknown(env.page, "figure", name, context.figures)
        return figure_html(context.figures[name], env.page.url, caption)

    def figure_gallery() -> str:
        """Every numbered figure of the nav's pages as thumbnail cards, by section and page, each linked to its
        place in its page (the cards go in once every page is built: handbook.build.gallery)."""
        return gallery_markdown(context, env.page)

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

    def pages_calling(kind: str) -> dict[str, object]:
        """The first argument of every `kind("...")` call (or "" for a call without one) -> the page holding it."""
        call = re.compile(rf"""\{{\{{-?\s*{kind}\(\s*(?:["']([a-z0-9-]+)["'])?""")
        found: dict[str, object] = {}
        for info in context.placements.pages:
            for match in call.finditer(info.markdown):
                found.setdefault(match.group(1) or "", info)
        return found

    def practice_link(kind: str, wanted: str = "", source: bool = False) -> str:
        """Where the page calling `kind(wanted)` is, relative to the current page: its built URL for HTML, or
        its Markdown source (`source`) for a Markdown link that MkDocs checks."""
        holder = pages_calling(kind).get(wanted)
        if holder is None:
            call = f'{kind}("{wanted}")' if wanted else f"{kind}()"
            raise ContentError(f"docs/{env.page.file.src_uri}: no page calls {call}: add one to docs/practice/")
        if source:
            return get_relative_url(holder.src_uri, env.page.file.src_uri)
        return get_relative_url(holder.url, env.page.url)

    def practice_data():
        if data.practice is None:
            raise ContentError(f"docs/{env.page.file.src_uri}: data/rubric.yml is missing: restore it from git")
        return data.practice

    def rubric() -> str:
        """The level rubric from data/rubric.yml: a heading and a dimension-by-level table per round kind."""
        here = env.page.file.src_uri
        return rubric_markdown(practice_data().rubric, lambda html: context.stash(here, html))

    def mock_loop(loop_id: str) -> str:
        """A mock loop from data/loops/<loop_id>.yml: loop mode, its five rounds, the scorecards, the history."""
        loops = practice_data().loops
        if loop_id not in loops:
            raise _unknown(env.page, "mock_loop", loop_id, loops)
        item = loops[loop_id]
        broken = reference_problems(item, context.project.root, item.path.relative_to(context.project.root).as_posix())
        if broken:
            raise ContentError("; ".join(broken))
        here = env.page.file.src_uri
        body = loop_markdown(
            loops[loop_id].model,
            practice_data().rubric,
            lambda html: context.stash(here, html),
            practice_link("rubric"),
            lambda page: get_relative_url(page, here),
        )
        return f"{body}\n## Your history {{#history}}\n\n{loop_history()}"

    def loop_history() -> str:
        """The self-score history: one table per round kind, a row per rubric dimension, filled by loop-mode.js."""
        practice = practice_data()
        titles = {loop_id: item.model.title for loop_id, item in practice.loops.items()}
        return context.stash(env.page.file.src_uri, render_history(practice.rubric, titles))

    def loop_index() -> str:
        """Every mock loop, linked to the page that runs it."""
        holders = pages_calling("mock_loop")
        unplaced = len(context.placements.pages)
        loops = sorted(
            (item.model for item in practice_data().loops.values()),
            key=lambda loop: (holders[loop.id].order if loop.id in holders else unplaced, loop.title),
        )
        return loop_index_markdown(loops, {loop.id: practice_link("mock_loop", loop.id, source=True) for loop in loops})

    for function in (
        quiz,
        simulator,
        checklist,
        quiz_index,
        progress_dashboard,
        checklist_index,
        problem,
        problem_index,
        figure,
        figure_gallery,
        handbook_map,
        handbook_overview,
        downloads_table,
        rubric,
        mock_loop,
        loop_history,
        loop_index,
    ):
        env.macro(_reporting(env, function), function.__name__)
    for table in table_macros():
        env.macro(_reporting(env, _bind_context(table, context)), table.__name__)
