"""data/problems.yml: the set is complete and consistent with its pages and solutions, bad input is reported
with the file, line, key and fix, and the index and problem headers render from it."""

from __future__ import annotations

import ast
import re
import shutil
import sys
from pathlib import Path

import pytest

from handbook.content.problems import PROBLEMS_FILE, load_problems
from handbook.errors import DataError
from handbook.rendering.problems import MARKS, MINUTES, render_problem_header, render_problem_index
from tests.conftest import ROOT
from tests.support.contexts import real_data

PROBLEM_SET = load_problems(ROOT)
PROBLEM_SET.check_pages(ROOT)  # reads the teaching sections' titles
SOLUTIONS = ROOT / "examples" / "python" / "problems"
TESTS = Path(__file__).parent


def test_the_set_has_35_problems_across_six_patterns_graphs_trees_and_heaps_first():
    assert len(PROBLEM_SET.problems) == 35
    assert [p.id for p in PROBLEM_SET.patterns][:3] == ["graphs", "trees", "heaps"]
    for pattern in PROBLEM_SET.patterns:
        assert len(PROBLEM_SET.of_pattern(pattern.id)) >= 5, pattern.id
    assert {p.difficulty for p in PROBLEM_SET.problems} == {"easy", "medium", "hard"}


def test_the_build_loads_the_set_with_the_rest_of_the_data():
    assert real_data().problem_set.model_dump() == PROBLEM_SET.model_dump()


def test_every_solution_exists_states_its_complexity_and_is_tested():
    listed = {p.solution.removeprefix("python/problems/") for p in PROBLEM_SET.problems}
    assert listed == {path.name for path in SOLUTIONS.glob("*.py")}, "a solution file without a problem, or the reverse"
    tests = "\n".join(path.read_text(encoding="utf-8") for path in TESTS.glob("test_*.py"))
    for name in sorted(listed):
        source = (SOLUTIONS / name).read_text(encoding="utf-8")
        doc = ast.get_docstring(ast.parse(source)) or ""
        assert re.search(r"\bTime\b[^.]{0,40}O\(", doc) and re.search(r"\b[Ss]pace\b[^.]{0,40}O\(", doc), (
            f"{name}: state time and space"
        )
        stem = name.removesuffix(".py")
        assert f'solution("{stem}")' in tests, f"{name} has no tests in tests/unit/problems"
        imported = {
            (node.module if isinstance(node, ast.ImportFrom) else alias.name).split(".")[0]
            for node in ast.walk(ast.parse(source))
            if isinstance(node, ast.Import | ast.ImportFrom)
            for alias in node.names
        }
        assert imported <= sys.stdlib_module_names | {"__future__"}, f"{name}: standard library only, not {imported}"


def test_each_problem_page_links_every_teaching_page_it_names():
    for pattern in PROBLEM_SET.patterns:
        text = (ROOT / "docs" / pattern.page).read_text(encoding="utf-8")
        assert text.count('??? tip "Hint ') == 3 * len(PROBLEM_SET.of_pattern(pattern.id)), pattern.page
        assert text.count('??? success "Reference solution"') == len(PROBLEM_SET.of_pattern(pattern.id))
        assert "**Constraints.**" in text and "**Examples" in text


@pytest.fixture
def project(tmp_path: Path) -> Path:
    for folder in ("docs/practice/problems", "docs/algorithms"):
        shutil.copytree(ROOT / folder, tmp_path / folder)
    (tmp_path / "data").mkdir()
    shutil.copy(ROOT / PROBLEMS_FILE, tmp_path / PROBLEMS_FILE)
    return tmp_path


def problems_for(root: Path) -> list[str]:
    """What loading the file and then checking its pages (as the first page showing problems does) reports."""
    with pytest.raises(DataError) as caught:
        load_problems(root).check_pages(root)
    return caught.value.problems


def test_the_file_loads_without_its_pages_and_the_pages_are_checked_when_shown(tmp_path):
    (tmp_path / "data").mkdir()
    shutil.copy(ROOT / PROBLEMS_FILE, tmp_path / PROBLEMS_FILE)
    problem_set = load_problems(tmp_path)  # a small project without the problem pages still loads its data
    with pytest.raises(DataError, match=r"docs/practice/problems/graphs.md does not exist"):
        problem_set.check_pages(tmp_path)


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def line_of(root: Path, needle: str) -> int:
    lines = (root / PROBLEMS_FILE).read_text(encoding="utf-8").splitlines()
    return next(n for n, text in enumerate(lines, 1) if needle in text)


def test_a_bad_difficulty_names_the_line_and_the_choices(project):
    edit(
        project / PROBLEMS_FILE,
        "    pattern: trees\n    difficulty: easy",
        "    pattern: trees\n    difficulty: simple",
    )
    line = line_of(project, "difficulty: simple")
    assert problems_for(project) == [
        f"{PROBLEMS_FILE}:{line}: problems[7].difficulty: 'simple' is not allowed: 'easy', 'medium' or 'hard'"
    ]


def test_an_unknown_key_is_refused(project):
    edit(project / PROBLEMS_FILE, "    title: An LRU cache\n", "    title: An LRU cache\n    level: 2\n")
    line = line_of(project, "level: 2")
    assert problems_for(project) == [
        f"{PROBLEMS_FILE}:{line}: problems[20].level: unknown key `level`: remove it or check its spelling"
    ]


def test_a_repeated_id_and_an_unknown_pattern_are_refused_with_their_lines(project):
    data = project / PROBLEMS_FILE
    edit(data, "  - id: blast-radius\n", "  - id: build-order\n")
    edit(data, "    pattern: heaps\n    difficulty: easy", "    pattern: heap\n    difficulty: easy")
    assert problems_for(project) == [
        f"{PROBLEMS_FILE}:{line_of(project, 'title: Blast radius') - 1}: problems[1].id: `build-order` is already "
        "used by problems[0]: ids are unique (readers' marks are kept under them); choose another",
        f"{PROBLEMS_FILE}:{line_of(project, 'pattern: heap') + 0}: problems[13].pattern: `heap` is not one of "
        "graphs, hashing, heaps, parsing, sliding-window, trees: use one of them or add the pattern under `patterns`",
    ]


def test_a_missing_heading_macro_call_or_include_names_the_page_and_the_fix(project):
    page = project / "docs" / "practice" / "problems" / "heaps.md"
    edit(page, "## Merge k sorted logs { #merge-sorted-logs }", "## Merge k sorted logs")
    edit(page, '{{ problem("worker-count") }}', "")
    edit(page, '--8<-- "python/problems/lease_expiry.py"', "")
    found = problems_for(project)
    assert found == [
        f"{PROBLEMS_FILE}:{line_of(project, 'id: merge-sorted-logs')}: problems[13].id: docs/practice/problems/heaps.md "
        "has no heading `## Merge k sorted logs { #merge-sorted-logs }`: add it (the index links to that anchor)",
        f"{PROBLEMS_FILE}:{line_of(project, 'id: worker-count')}: problems[15].id: docs/practice/problems/heaps.md "
        'does not call {{ problem("worker-count") }}: add it under the heading (timer and mark)',
        f"{PROBLEMS_FILE}:{line_of(project, 'solution: python/problems/lease_expiry.py')}: problems[16].solution: "
        "docs/practice/problems/heaps.md does not include it: add "
        '--8<-- "python/problems/lease_expiry.py" in the reference-solution fold',
    ]


def test_bad_paths_are_refused(project):
    data = project / PROBLEMS_FILE
    edit(data, "    page: practice/problems/graphs.md", "    page: practice/graphs.md")
    edit(data, "teaches: algorithms/trees.md#binary-search-trees", "teaches: algorithms/trees.md")
    edit(data, "solution: python/problems/lru_cache.py", "solution: python/lru_cache.py")
    found = problems_for(project)
    assert any("patterns[0].page: docs/practice/graphs.md does not exist: name a page under docs/" in p for p in found)
    assert any(
        "problems[7].teaches: `algorithms/trees.md` is not a page under docs/ with a #section" in p for p in found
    )
    assert any("problems[20].solution: `python/lru_cache.py` is not python/problems/<name>.py" in p for p in found)


def link(target: str) -> str:
    return f"LINK:{target}"


def test_the_index_lists_every_problem_under_its_pattern_easiest_first():
    html = render_problem_index(PROBLEM_SET, link)
    for pattern in PROBLEM_SET.patterns:
        assert f"## {pattern.title} {{ #{pattern.id} }}" in html
        section = html.split(f"{{ #{pattern.id} }}", 1)[1].split("\n## ", 1)[0]
        rows = re.findall(r"\[([^\]]+)\]\(LINK:([^)]+)\) \| (\w+) \|", section)
        mine = PROBLEM_SET.of_pattern(pattern.id)
        assert [r[1] for r in rows] == [f"{pattern.page}#{p.id}" for p in mine]
        order = [("easy", "medium", "hard").index(r[2].lower()) for r in rows]
        assert order == sorted(order)
    assert html.count('class="hb-problem-status"') == 35
    assert 'data-total="35"' in html


def test_a_problem_header_has_the_timer_the_teaching_link_and_labelled_marks():
    problem = PROBLEM_SET.by_id()["lru-cache"]
    html = render_problem_header(problem, PROBLEM_SET.pattern("hashing"), PROBLEM_SET.section_title(problem), link)
    assert f'<div class="hb-timer" data-minutes="{MINUTES}"></div>' in html
    assert html.lstrip().startswith('<div class="hb-problem-head" data-search-exclude="" markdown>')
    assert (
        "Learn the idea: [An LRU cache in O(1)](LINK:algorithms/hashing.md#an-lru-cache-in-o1), on the Hashing page."
        in html
    )
    assert '<fieldset class="hb-problem-mark" data-problem-id="lru-cache" hidden><legend>Your mark</legend>' in html
    for value, label in MARKS.items():
        assert (
            f'<label class="hb-problem-mark__choice"><input type="radio" name="hb-mark-lru-cache" value="{value}"> {label}</label>'
            in html
        )
