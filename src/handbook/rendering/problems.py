"""The coding problems' blocks: each problem's header (difficulty, pattern link, timer, the reader's mark) and
the index of every problem by pattern and difficulty. Both are Markdown with a little HTML, so MkDocs checks
their links and anchors like any other link on the page; problems.js fills in and saves the marks."""

from __future__ import annotations

from collections.abc import Callable
from html import escape

from handbook.content.problems import DIFFICULTIES, Pattern, Problem, ProblemSet

MINUTES = 30  # the time box of every problem
MARKS = {"solved": "Solved", "hints": "Needed hints", "not-yet": "Not yet"}


def _mark_controls(problem_id: str) -> str:
    """Labelled radio buttons for the reader's mark; hidden until problems.js restores the saved one."""
    radios = "".join(
        f'<label class="hb-problem-mark__choice"><input type="radio" name="hb-mark-{problem_id}" '
        f'value="{value}"> {label}</label>'
        for value, label in MARKS.items()
    )
    return (
        f'<fieldset class="hb-problem-mark" data-problem-id="{problem_id}" hidden>'
        f"<legend>Your mark</legend>{radios}"
        '<button type="button" class="md-button hb-problem-mark__clear">Clear</button>'
        '<span class="hb-problem-mark__status" role="status"></span></fieldset>'
    )


def render_problem_header(problem: Problem, pattern: Pattern, section: str, link: Callable[[str], str]) -> str:
    """The lines under a problem's heading; `section` is the title of the section that teaches the idea, and
    `link(src)` turns a docs/ path (with #anchor) into a relative link."""
    # data-search-exclude: the search indexes the problem, not its controls, nor the teaching section's title
    # (which would make this page outrank the page that teaches it).
    return (
        '\n\n<div class="hb-problem-head" data-search-exclude="" markdown>\n\n'
        f'<p class="hb-problem-meta"><span class="hb-problem-level hb-problem-level--{problem.difficulty}">'
        f"{problem.difficulty.capitalize()}</span> · {pattern.title} · {MINUTES}-minute time box</p>\n\n"
        f"Learn the idea: [{escape(section)}]({link(problem.teaches)}), on the {escape(pattern.title)} page.\n\n"
        f'<div class="hb-timer" data-minutes="{MINUTES}"></div>\n\n'
        f"{_mark_controls(problem.id)}\n\n</div>\n\n"
    )


def _cell(text: str) -> str:
    return escape(text).replace("|", "&#124;")


def render_problem_index(problem_set: ProblemSet, link: Callable[[str], str]) -> str:
    """An overview of counts, then one table per pattern (easiest first) with the reader's mark in each row."""
    rows = ["| Pattern | " + " | ".join(d.capitalize() for d in DIFFICULTIES) + " | Problems |", "| --- |"]
    rows[1] = "| --- | " + " | ".join("---:" for _ in DIFFICULTIES) + " | ---: |"
    for pattern in problem_set.patterns:
        mine = problem_set.of_pattern(pattern.id)
        counts = [sum(p.difficulty == d for p in mine) for d in DIFFICULTIES]
        rows.append(
            f"| [{_cell(pattern.title)}](#{pattern.id}) | " + " | ".join(map(str, counts)) + f" | {len(mine)} |"
        )
    out = [
        f'<p class="hb-problem-summary" data-total="{len(problem_set.problems)}" role="status" hidden></p>',
        "",
        "\n".join(rows),
    ]
    for pattern in problem_set.patterns:
        out += [
            "",
            f"## {pattern.title} {{ #{pattern.id} }}",
            "",
            f"Learn the pattern first: [{_cell(pattern.title)}]({link(pattern.teaches)}).",
            "",
            "| Problem | Difficulty | Your mark |",
            "| --- | --- | --- |",
        ]
        for problem in problem_set.of_pattern(pattern.id):
            target = link(f"{pattern.page}#{problem.id}")
            out.append(
                f"| [{_cell(problem.title)}]({target}) | {problem.difficulty.capitalize()} | "
                f'<span class="hb-problem-status" data-problem-id="{problem.id}">not marked</span> |'
            )
    return "\n".join(out) + "\n"
