"""The coding-problem set (`data/problems.yml`): one source of truth for ids, titles, patterns, difficulty and
where each problem lives, checked against the pages and solutions it names."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Literal

from markdown.extensions.toc import slugify
from pydantic import BaseModel, ConfigDict, Field, PrivateAttr

from ..errors import DataError
from .models import KebabId, Text

DIFFICULTIES = ("easy", "medium", "hard")
PROBLEMS_FILE = "data/problems.yml"


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)


class Pattern(_Strict):
    id: KebabId
    title: Text
    page: Text = Field(description="The page under docs/ that holds this pattern's problems.")
    teaches: Text = Field(description="The handbook page under docs/ that teaches the pattern.")


class Problem(_Strict):
    id: KebabId = Field(description="Stable forever: readers' marks are kept under it; also the heading anchor.")
    title: Text
    pattern: KebabId = Field(description="The id of one of `patterns`.")
    difficulty: Literal["easy", "medium", "hard"]
    solution: Text = Field(description="The reference solution, relative to examples/ (python/problems/x.py).")
    teaches: Text = Field(description="The section that teaches the idea: a docs/ page and its #anchor.")


class ProblemSet(_Strict):
    patterns: list[Pattern] = Field(min_length=1)
    problems: list[Problem] = Field(min_length=1)
    # The heading each problem's `teaches` anchor names, read from the page by `load_problems` (not a field: the
    # page is the one source of the title).
    _section_titles: dict[str, str] = PrivateAttr(default_factory=dict)
    # The checks against docs/ pages run when a page shows problems (`check_pages`), not when data loads: a
    # project that builds only some pages (the tests' small projects) loads the file without its pages.
    _where: object = PrivateAttr(default=None)
    _checked: bool = PrivateAttr(default=False)

    def check_pages(self, root: Path) -> None:
        """Check every page, heading anchor, solution include and teaching link the file names, once; read the
        teaching sections' titles. Raises DataError naming data/problems.yml's line and key."""
        if self._checked:
            return
        problems = _page_problems(self, root, self._where or (lambda *loc: PROBLEMS_FILE))
        if problems:
            raise DataError(problems)
        self._checked = True

    def section_title(self, problem: Problem) -> str:
        return self._section_titles.get(problem.id, "")

    def pattern(self, pattern_id: str) -> Pattern:
        return next(pattern for pattern in self.patterns if pattern.id == pattern_id)

    def by_id(self) -> dict[str, Problem]:
        return {problem.id: problem for problem in self.problems}

    def of_pattern(self, pattern_id: str) -> list[Problem]:
        """The pattern's problems, easiest first (file order within a difficulty)."""
        mine = [problem for problem in self.problems if problem.pattern == pattern_id]
        return sorted(mine, key=lambda problem: DIFFICULTIES.index(problem.difficulty))


def _repeats_and_references(problem_set: ProblemSet, where) -> list[str]:
    problems = []
    for kind, items in (("patterns", problem_set.patterns), ("problems", problem_set.problems)):
        first: dict[str, int] = {}
        for index, item in enumerate(items):
            if item.id in first:
                problems.append(
                    f"{where(kind, index, 'id')}: {kind}[{index}].id: `{item.id}` is already used by "
                    f"{kind}[{first[item.id]}]: ids are unique (readers' marks are kept under them); choose another"
                )
            first.setdefault(item.id, index)
    known = sorted({pattern.id for pattern in problem_set.patterns})
    for index, problem in enumerate(problem_set.problems):
        if problem.pattern not in known:
            problems.append(
                f"{where('problems', index, 'pattern')}: problems[{index}].pattern: `{problem.pattern}` is not "
                f"one of {', '.join(known)}: use one of them or add the pattern under `patterns`"
            )
    return problems


def _headings(page: Path) -> dict[str, str]:
    """Anchor -> title of the page's `##` and `###` headings, with the anchors the toc extension gives them."""
    found = {}
    for match in re.finditer(r"^#{2,3} (.+?)\s*$", page.read_text(encoding="utf-8"), re.MULTILINE):
        title = match.group(1)
        explicit = re.search(r"\{\s*#([\w-]+)\s*\}$", title)
        title = title[: explicit.start()].strip() if explicit else title
        found[explicit.group(1) if explicit else slugify(title, "-")] = title
    return found


def _call(problem_id: str) -> re.Pattern:
    return re.compile(rf"""\{{\{{\s*problem\(\s*["']{re.escape(problem_id)}["']\s*\)\s*\}}\}}""")


def load_problems(root: Path) -> ProblemSet:
    """Load `data/problems.yml` and check its ids and references; its pages are checked by `check_pages`."""
    from .loading import load_file  # loading.load_data calls this function: import at call time, not cyclic

    loaded = load_file(root / PROBLEMS_FILE, ProblemSet, PROBLEMS_FILE)
    problem_set: ProblemSet = loaded.model
    problems = []

    def where(*loc) -> str:
        return f"{PROBLEMS_FILE}:{loaded.line_of(loc)}"

    problems += _repeats_and_references(problem_set, where)
    if problems:
        raise DataError(problems)  # the checks below look problems' patterns up
    problem_set._where = where
    return problem_set


def _page_problems(problem_set: ProblemSet, root: Path, where) -> list[str]:
    problems = _pattern_problems(problem_set, root, where)
    for index, problem in enumerate(problem_set.problems):
        problems += _solution_path_problems(index, problem, where)
        problems += _teaches_problems(problem_set, index, problem, root, where)
        problems += _pattern_page_problems(problem_set, index, problem, root, where)
    return problems


def _pattern_problems(problem_set: ProblemSet, root: Path, where) -> list[str]:
    """Each pattern's page and teaching page exist."""
    problems = []
    for index, pattern in enumerate(problem_set.patterns):
        for key in ("page", "teaches"):
            if not (root / "docs" / getattr(pattern, key)).is_file():
                problems.append(
                    f"{where('patterns', index, key)}: patterns[{index}].{key}: docs/{getattr(pattern, key)} "
                    "does not exist: name a page under docs/"
                )
    return problems


def _solution_path_problems(index: int, problem, where) -> list[str]:
    """The solution is named as examples/python/problems/<name>.py. The file itself is checked where it is used:
    the page's --8<-- include (snippets' check_paths)."""
    if problem.solution.startswith("python/problems/") and problem.solution.endswith(".py"):
        return []
    return [
        f"{where('problems', index, 'solution')}: problems[{index}].solution: `{problem.solution}` is not "
        "python/problems/<name>.py: keep solutions under examples/python/problems/"
    ]


def _teaches_problems(problem_set: ProblemSet, index: int, problem, root: Path, where) -> list[str]:
    """`teaches` points at a section of a page; its title is kept for the index."""
    teaches, _, anchor = problem.teaches.partition("#")
    if not anchor or not (root / "docs" / teaches).is_file():
        return [
            f"{where('problems', index, 'teaches')}: problems[{index}].teaches: `{problem.teaches}` is not "
            "a page under docs/ with a #section anchor: point it at the section that teaches the idea"
        ]
    headings = _headings(root / "docs" / teaches)
    if anchor not in headings:
        return [
            f"{where('problems', index, 'teaches')}: problems[{index}].teaches: docs/{teaches} has no "
            f"section `#{anchor}`: use one of {', '.join(f'#{a}' for a in headings)}"
        ]
    problem_set._section_titles[problem.id] = headings[anchor]
    return []


def _pattern_page_problems(problem_set: ProblemSet, index: int, problem, root: Path, where) -> list[str]:
    """The pattern's page shows the problem: its heading, its `problem()` call and its solution's include."""
    page = root / "docs" / problem_set.pattern(problem.pattern).page
    if not page.is_file():
        return []  # reported with its pattern
    text = page.read_text(encoding="utf-8")
    shown = f"docs/{problem_set.pattern(problem.pattern).page}"
    problems = []
    # `{ #id }` with spaces: `{#` would open a Jinja comment in a page that calls macros.
    if not re.search(rf"^## .*\{{ #{re.escape(problem.id)} \}}\s*$", text, re.MULTILINE):
        problems.append(
            f"{where('problems', index, 'id')}: problems[{index}].id: {shown} has no heading "
            f"`## {problem.title} {{ #{problem.id} }}`: add it (the index links to that anchor)"
        )
    if not _call(problem.id).search(text):
        problems.append(
            f"{where('problems', index, 'id')}: problems[{index}].id: {shown} does not call "
            f'{{{{ problem("{problem.id}") }}}}: add it under the heading (timer and mark)'
        )
    if f'--8<-- "{problem.solution}"' not in text:
        problems.append(
            f"{where('problems', index, 'solution')}: problems[{index}].solution: {shown} does not include "
            f'it: add --8<-- "{problem.solution}" in the reference-solution fold'
        )
    return problems
