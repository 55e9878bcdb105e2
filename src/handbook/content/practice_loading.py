"""Load `data/rubric.yml` and `data/loops/*.yml`, then check what needs both files and the docs folder.

Each file is parsed and validated by `loading.load_file` (the same messages as quizzes: `path:line: key:
problem: fix`); this module adds the cross-file rules: a round's signals name each dimension of its kind in
the rubric, once, in the rubric's order. `reference_problems` checks, when a loop's page is built, that each
reference answer points at a page (and heading) that exists.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from ..errors import DataError
from ..text import slug
from .loading import Loaded, load_file, load_folder
from .practice import Loop, Rubric

RUBRIC_FILE = "data/rubric.yml"
LOOPS_FOLDER = "loops"  # under data/


@dataclass(frozen=True)
class PracticeData:
    rubric: Rubric
    loops: dict[str, Loaded]  # loop id -> its loaded file, in file-name order

    @property
    def round_count(self) -> int:
        return sum(len(item.model.rounds) for item in self.loops.values())


_HEADING = re.compile(r"^#{1,6}\s+(.+?)\s*(?:\{#([A-Za-z0-9_-]+)\})?\s*$")


def heading_ids(markdown: str) -> set[str]:
    """The ids MkDocs gives a page's Markdown headings (explicit `{#id}` or the slug), outside code fences."""
    ids, fenced = set(), False
    for line in markdown.splitlines():
        if line.lstrip().startswith(("```", "~~~")):
            fenced = not fenced
            continue
        match = None if fenced else _HEADING.match(line)
        if match:
            ids.add(match.group(2) or slug(re.sub(r"[`*_]", "", match.group(1))))
    return ids


def _check_loop(item: Loaded, rubric: Rubric, name: str) -> list[str]:
    problems = []
    for r, round_ in enumerate(item.model.rounds):
        wanted = [dimension.id for dimension in rubric.of(round_.kind).dimensions]
        given = [signal.dimension for signal in round_.signals]
        if given != wanted:
            where = f"{name}:{item.line_of(('rounds', r, 'signals'))}: rounds[{r}].signals"
            unknown = [d for d in given if d not in wanted]
            missing = [d for d in wanted if d not in given]
            detail = (
                f"unknown dimension {', '.join(unknown)}"
                if unknown
                else f"missing {', '.join(missing)}"
                if missing
                else "the order differs"
            )
            problems.append(
                f"{where}: {detail}: give one signal per {round_.kind} dimension of {RUBRIC_FILE}, "
                f"in its order: {', '.join(wanted)}"
            )
    return problems


def reference_problems(item: Loaded, root: Path, name: str) -> list[str]:
    """Reference answers that point at no page under docs/, or at no heading on it. Checked when a loop's page is
    built (a project without that page, such as the bad-input tests' small copy, does not need the targets)."""
    problems = []
    for r, round_ in enumerate(item.model.rounds):
        reference = round_.reference
        page = root / "docs" / reference.page
        key = ("rounds", r, "reference")
        if not reference.page.endswith(".md") or not page.is_file():
            problems.append(
                f"{name}:{item.line_of((*key, 'page'))}: rounds[{r}].reference.page: docs/{reference.page} "
                "does not exist: name a page under docs/, e.g. system-design/case-studies/payments-checkout.md"
            )
        elif reference.anchor and reference.anchor not in heading_ids(page.read_text(encoding="utf-8")):
            problems.append(
                f"{name}:{item.line_of((*key, 'anchor'))}: rounds[{r}].reference.anchor: docs/{reference.page} "
                f"has no heading with the id `{reference.anchor}`: use the slug of one of its headings"
            )
    return problems


def load_practice(root: Path) -> PracticeData | None:
    """Load and check the rubric and every loop; raise DataError with every problem found. None for a project
    without practice data (neither file exists); the practice pages' macros then say what is missing."""
    if not (root / RUBRIC_FILE).exists() and not any((root / "data" / LOOPS_FOLDER).glob("*.y*ml")):
        return None
    try:
        rubric = load_file(root / RUBRIC_FILE, Rubric, RUBRIC_FILE).model
    except FileNotFoundError:
        raise DataError([f"{RUBRIC_FILE}: the file is missing, and the loops need it: restore it from git"]) from None
    problems: list[str] = []
    loops = load_folder(root, LOOPS_FOLDER, Loop, problems)
    for item in loops.values():
        problems += _check_loop(item, rubric, item.path.relative_to(root).as_posix())
    if problems:
        raise DataError(problems)
    return PracticeData(rubric, loops)
