"""The macros of the practice section: coding problems, the level rubric and the mock loops."""

from __future__ import annotations

import re

from mkdocs.utils import get_relative_url

from handbook.build.macro_base import ContentError, MacroSet, call_line, unknown
from handbook.content.practice_loading import reference_problems
from handbook.errors import DataError
from handbook.rendering.practice import loop_index_markdown, loop_markdown, render_history, rubric_markdown
from handbook.rendering.problems import render_problem_header, render_problem_index


class PracticeMacros(MacroSet):
    MACROS = ("problem", "problem_index", "rubric", "mock_loop", "loop_history", "loop_index")

    def _problem_set(self):
        if self.data.problem_set is None:
            raise ContentError(f"docs/{self.here}: data/problems.yml is missing: restore it from git")
        try:
            self.data.problem_set.check_pages(self.context.project.root)
        except DataError as exc:
            raise ContentError("\n".join(exc.problems)) from None
        return self.data.problem_set

    def problem(self, problem_id: str) -> str:
        """A coding problem's header: difficulty, the pattern's teaching page, the timer and the reader's mark."""
        problem_set = self._problem_set()
        problems = problem_set.by_id()
        if problem_id not in problems:
            raise unknown(self.page, "problem", problem_id, problems)
        item = problems[problem_id]
        pattern = problem_set.pattern(item.pattern)
        if pattern.page != self.here:
            raise ContentError(
                f'{call_line(self.page, "problem", problem_id)}: problem("{problem_id}") belongs on '
                f"docs/{pattern.page} (its pattern is `{pattern.id}` in data/problems.yml): move the call there"
            )
        return render_problem_header(item, pattern, problem_set.section_title(item), self.link_from_here)

    def problem_index(self) -> str:
        """Every coding problem by pattern and difficulty, linked to its section; problems.js adds the marks."""
        return render_problem_index(self._problem_set(), self.link_from_here)

    def _pages_calling(self, kind: str) -> dict[str, object]:
        """The first argument of every `kind("...")` call (or "" for a call without one) -> the page holding it."""
        call = re.compile(rf"""\{{\{{-?\s*{kind}\(\s*(?:["']([a-z0-9-]+)["'])?""")
        found: dict[str, object] = {}
        for info in self.context.placements.pages:
            for match in call.finditer(info.markdown):
                found.setdefault(match.group(1) or "", info)
        return found

    def _practice_link(self, kind: str, wanted: str = "", source: bool = False) -> str:
        """Where the page calling `kind(wanted)` is, relative to the current page: its built URL for HTML, or
        its Markdown source (`source`) for a Markdown link that MkDocs checks."""
        holder = self._pages_calling(kind).get(wanted)
        if holder is None:
            call = f'{kind}("{wanted}")' if wanted else f"{kind}()"
            raise ContentError(f"docs/{self.here}: no page calls {call}: add one to docs/practice/")
        if source:
            return get_relative_url(holder.src_uri, self.here)
        return get_relative_url(holder.url, self.page.url)

    def _practice(self):
        if self.data.practice is None:
            raise ContentError(f"docs/{self.here}: data/rubric.yml is missing: restore it from git")
        return self.data.practice

    def rubric(self) -> str:
        """The level rubric from data/rubric.yml: a heading and a dimension-by-level table per round kind."""
        return rubric_markdown(self._practice().rubric, self.stash)

    def mock_loop(self, loop_id: str) -> str:
        """A mock loop from data/loops/<loop_id>.yml: loop mode, its five rounds, the scorecards, the history."""
        loops = self._practice().loops
        if loop_id not in loops:
            raise unknown(self.page, "mock_loop", loop_id, loops)
        item = loops[loop_id]
        root = self.context.project.root
        broken = reference_problems(item, root, item.path.relative_to(root).as_posix())
        if broken:
            raise ContentError("; ".join(broken))
        here = self.here
        body = loop_markdown(
            item.model,
            self._practice().rubric,
            self.stash,
            self._practice_link("rubric"),
            lambda page: get_relative_url(page, here),
        )
        return f"{body}\n## Your history {{#history}}\n\n{self.loop_history()}"

    def loop_history(self) -> str:
        """The self-score history: one table per round kind, a row per rubric dimension, filled by loop-mode.js."""
        practice = self._practice()
        titles = {loop_id: item.model.title for loop_id, item in practice.loops.items()}
        return self.stash(render_history(practice.rubric, titles))

    def loop_index(self) -> str:
        """Every mock loop, linked to the page that runs it."""
        holders = self._pages_calling("mock_loop")
        unplaced = len(self.context.placements.pages)
        loops = sorted(
            (item.model for item in self._practice().loops.values()),
            key=lambda loop: (holders[loop.id].order if loop.id in holders else unplaced, loop.title),
        )
        links = {loop.id: self._practice_link("mock_loop", loop.id, source=True) for loop in loops}
        return loop_index_markdown(loops, links)
