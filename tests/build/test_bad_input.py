"""Bad input stops the build with the file, the line where there is one, and what to do; nothing is published.

Each case breaks one thing in a small copy of the project (the real mkdocs.yml, macros, hooks and data, with
three pages) and runs `scripts/build.py` as `make build` does. The previous site must survive untouched.
"""

from __future__ import annotations

import os
import queue
import re
import shutil
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from handbook.serving import free_port
from tests.conftest import ROOT

PAGES = {
    "index.md": "---\ndescription: Home.\n---\n# Home\n\nSee [replication](data/replication.md#top-section).\n",
    "data/replication.md": (
        "---\ndescription: Replication.\n---\n# Replication\n\n## Top section\n\n"
        '{{ figure("leader-follower-replication") }}\n\n{{ quiz("replication", heading_level=3) }}\n'
    ),
    "checklists/data-at-scale.md": '---\ndescription: List.\n---\n# List\n\n{{ checklist("data-at-scale") }}\n',
}
NAV = "nav:\n  - index.md\n  - data/replication.md\n  - checklists/data-at-scale.md\n"


@pytest.fixture(scope="module")
def template(tmp_path_factory) -> Path:
    """A small project built from the real configuration and code."""
    root = tmp_path_factory.mktemp("template") / "project"
    for name in ("macros", "hooks", "overrides", "scripts", "data", "examples", "src"):
        shutil.copytree(ROOT / name, root / name, ignore=shutil.ignore_patterns("__pycache__", "*.egg-info"))
    shutil.copy(ROOT / "CONTRIBUTING.md", root / "CONTRIBUTING.md")
    for quiz in (root / "data" / "quizzes").glob("*.yml"):  # every quiz must be on a page: keep the one used
        if quiz.stem != "replication":
            quiz.unlink()
    (root / "figures").mkdir()
    shutil.copy(ROOT / "figures" / "leader-follower-replication.py", root / "figures")
    shutil.copytree(ROOT / "docs" / "assets", root / "docs" / "assets")
    shutil.copytree(ROOT / "docs" / "includes", root / "docs" / "includes")
    for page, text in PAGES.items():
        (root / "docs" / page).parent.mkdir(parents=True, exist_ok=True)
        (root / "docs" / page).write_text(text, encoding="utf-8")
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    config = re.sub(r"^  - redirects:\n(?:      .*\n)+", "", config, flags=re.M)  # their targets are not here
    (root / "mkdocs.yml").write_text(re.sub(r"^nav:\n(?:  .*\n)+", NAV, config, flags=re.M), encoding="utf-8")
    (root / "node_modules").symlink_to(ROOT / "node_modules")
    return root


@pytest.fixture
def project(template, tmp_path) -> Path:
    root = tmp_path / "project"
    shutil.copytree(template, root, symlinks=True)
    (root / "site").mkdir()
    (root / "site" / "index.html").write_text("previous site", encoding="utf-8")
    return root


def build(root: Path, path: str | None = None) -> subprocess.CompletedProcess:
    env = {**os.environ, "HANDBOOK_CACHE": str(ROOT / ".cache" / "tests")}
    if path is not None:
        env["PATH"] = path
    return subprocess.run(
        [sys.executable, "scripts/build.py"],
        cwd=root,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_the_small_project_builds(project):
    result = build(project)
    assert result.returncode == 0, result.stderr
    assert "Quiz: Replication" in (project / "site" / "data" / "replication" / "index.html").read_text()


def edit(relative: str, old: str, new: str) -> Callable[[Path], None]:
    def apply(root: Path) -> None:
        path = root / relative
        text = path.read_text(encoding="utf-8")
        assert old in text, f"the case no longer applies: {old!r} is not in {relative}"
        path.write_text(text.replace(old, new, 1), encoding="utf-8")

    return apply


def write(relative: str, content: str | bytes) -> Callable[[Path], None]:
    def apply(root: Path) -> None:
        path = root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content if isinstance(content, bytes) else content.encode())

    return apply


QUIZ = "data/quizzes/replication.yml"
CHECKLIST = "data/checklists/data-at-scale.yml"
PAGE = "docs/data/replication.md"
FIGURE = "figures/leader-follower-replication.py"


@dataclass
class Case:
    name: str
    breaks: Callable[[Path], None]
    expected: str  # a regular expression the error output must match


CASES = [
    Case(
        "malformed yaml",
        edit(QUIZ, "title: Replication", "title: [Replication"),
        r"data/quizzes/replication\.yml:\d+: YAML syntax error: .*fix the indentation or quoting",
    ),
    Case(
        "wrong type",
        edit(QUIZ, "difficulty: junior", "difficulty: 3"),
        r"data/quizzes/replication\.yml:\d+: questions\[0\]\.difficulty: 3 is not allowed",
    ),
    Case(
        "unknown key",
        edit(QUIZ, "    difficulty: junior", "    difficulty: junior\n    answr: 2"),
        r"data/quizzes/replication\.yml:\d+: questions\[0\]\.answr: unknown key `answr`: remove it",
    ),
    Case(
        "empty choices",
        edit(QUIZ, "    choices:\n", "    choices: []\n    old_choices:\n"),
        r"data/quizzes/replication\.yml:\d+: questions\[0\]\.choices: List should have at least 3 items",
    ),
    Case(
        "no correct answer",
        lambda root: write(QUIZ, (root / QUIZ).read_text().replace("correct: true", "correct: false"))(root),
        r"data/quizzes/replication\.yml:\d+: questions\[\d+\]: no choice is marked `correct: true`",
    ),
    Case(
        "missing field",
        edit(QUIZ, "title: Replication\n", ""),
        r"data/quizzes/replication\.yml:\d+: title: required key `title` is missing: add it",
    ),
    Case(
        "id differs from file name",
        edit(QUIZ, "id: replication\n", "id: replicas\n"),
        r"data/quizzes/replication\.yml:\d+: id: `replicas` does not match the file name",
    ),
    Case(
        "duplicate question id across files",
        lambda root: write(
            "data/quizzes/copy.yml", (root / QUIZ).read_text().replace("id: replication\n", "id: copy\n")
        )(root),
        r"data/quizzes/\w+\.yml:\d+: questions\[0\]\.id: `[a-z-]+` is already used at data/quizzes/\w+\.yml:\d+",
    ),
    Case(
        "non-UTF-8 quiz",
        lambda root: write(QUIZ, (root / QUIZ).read_bytes() + b"\n# caf\xe9\n")(root),
        r"data/quizzes/replication\.yml: byte \d+ is not UTF-8: save the file as UTF-8",
    ),
    Case(
        "quiz on no page",
        lambda root: write(
            "data/quizzes/orphan.yml",
            (root / QUIZ)
            .read_text()
            .replace("id: replication\n", "id: orphan\n")
            .replace("id: replication-", "id: orphan-"),
        )(root),
        r'data/quizzes/orphan\.yml: no page calls quiz\("orphan"\): add \{\{ quiz\("orphan"\) \}\} to a page',
    ),
    Case(
        "checklist item without text",
        edit(CHECKLIST, "text: Say whether", "txt: Say whether"),
        r"data/checklists/data-at-scale\.yml:\d+: sections\[\d+\]\.items\[\d+\]\.text: required key `text` is missing",
    ),
    Case(
        "page calls an unknown quiz",
        edit(PAGE, 'quiz("replication"', 'quiz("replicaton"'),
        r'docs/data/replication\.md:\d+: quiz\("replicaton"\): no such quiz; did you mean "replication"\?',
    ),
    Case(
        "page calls an unknown checklist",
        edit("docs/checklists/data-at-scale.md", 'checklist("data-at-scale")', 'checklist("data-at-scal")'),
        r'docs/checklists/data-at-scale\.md:\d+: checklist\("data-at-scal"\): no such checklist; did you mean "data-at-scale"\?',
    ),
    Case(
        "page calls an unknown figure",
        edit(PAGE, 'figure("leader-follower-replication")', 'figure("leader")'),
        r'docs/data/replication\.md:\d+: figure\("leader"\): no such figure; known ids: leader-follower-replication',
    ),
    Case(
        "figure script raises",
        edit(FIGURE, 'leader = PostgreSQL("leader")', 'leader = PostgreSQL("leader") / 0'),
        r"figures/leader-follower-replication\.py:\d+: TypeError: .*",
    ),
    Case(
        "figure script draws nothing",
        write(FIGURE, 'TITLE = "t"\nALT = "a"\n'),
        r"figures/leader-follower-replication\.py: draws 0 diagrams: draw exactly one",
    ),
    Case(
        "figure script without alt text",
        edit(FIGURE, "ALT = (", "_ALT = ("),
        r'figures/leader-follower-replication\.py: set ALT = "\.\.\." at the top of the script',
    ),
    Case(
        "Mermaid diagram that does not parse",
        edit(PAGE, "## Top section\n", "## Top section\n\n```mermaid\nflowchart LR\n    A -->\n```\n"),
        r"docs/data/replication\.md:8: the Mermaid figure does not render: Parse error on line \d+: expecting .* got 'EOF'",
    ),
    Case(
        "Mermaid diagrams that do not parse, on two pages: each is named",
        lambda root: [
            edit(PAGE, "## Top section\n", "## Top section\n\n```mermaid\nsequenceDiagram\n    A-->>\n```\n")(root),
            edit("docs/index.md", "# Home\n", "# Home\n\n```mermaid\nstateDiagram-v2\n    [*] --> \n```\n")(root),
        ],
        r"(?s)docs/index\.md:\d+: the Mermaid figure does not render: .*"
        r"docs/data/replication\.md:\d+: the Mermaid figure does not render: ",
    ),
    Case(
        "Mermaid click link to javascript:",
        edit(
            PAGE,
            "## Top section\n",
            '## Top section\n\n```mermaid\nflowchart LR\n    A --> B\n    click A href "javascript:alert(1)"\n```\n',
        ),
        r"docs/data/replication\.md:8: the Mermaid figure does not render: the diagram contains a javascript: URL "
        r"in <a xlink:href>: pages may not run script",
    ),
    Case(
        "broken link",
        edit("docs/index.md", "(data/replication.md#", "(data/replicaton.md#"),
        r"Doc file 'index\.md' contains a link 'data/replicaton\.md#top-section', but the target "
        r"'data/replicaton\.md' is not found",
    ),
    Case(
        "broken anchor",
        edit("docs/index.md", "#top-section", "#no-such-section"),
        r"Doc file 'index\.md' contains a link 'data/replication\.md#no-such-section', but the doc "
        r"'data/replication\.md' does not contain an anchor '#no-such-section'",
    ),
    Case(
        "missing snippet",
        edit(PAGE, "## Top section\n", '## Top section\n\n```python\n--8<-- "python/gone.py"\n```\n'),
        r"Error reading page 'data/replication\.md': Snippet at path 'python/gone\.py' could not be found: create the file",
    ),
    Case(
        "non-UTF-8 page",
        lambda root: write(PAGE, (root / PAGE).read_bytes() + b"\ncaf\xe9\n")(root),
        r"docs/data/replication\.md: .*not UTF-8|Error reading page 'data/replication\.md'.*utf-8",
    ),
    Case(
        "undefined variable in a page",
        edit(PAGE, "## Top section", "## Top section {{ no_such_thing }}"),
        r"docs/data/replication\.md:6: 'no_such_thing' is undefined: call an existing macro",
    ),
    Case(
        "data: document linked from a page",
        edit(PAGE, "## Top section\n", '## Top section\n\n<a href="data:text/html,<b>hi</b>">open</a>\n'),
        r"docs/data/replication\.md:8: the page contains a data: URL in <a href>: a data: document can run script",
    ),
    Case(
        "entity-encoded javascript: link in a page",
        edit(PAGE, "## Top section\n", "## Top section\n\n[x](&#106;avascript:alert(1))\n"),
        r"docs/data/replication\.md(:\d+)?: the page contains a javascript: URL in <a href>: pages may not run script",
    ),
    Case(
        "style attribute in a page",
        edit(PAGE, "## Top section\n", '## Top section\n\n<p style="color: red">red</p>\n'),
        r"docs/data/replication\.md: a <p> has a style=\"color: red\" attribute, which the Content-Security-Policy blocks",
    ),
    Case(
        "malformed abbreviation",
        edit("docs/includes/abbreviations.md", "*[WAL]: Write-ahead log", "*[WAL] Write-ahead log"),
        r"docs/includes/abbreviations\.md:1: expected `\*\[TERM\]: definition`, got '\*\[WAL\] Write-ahead log",
    ),
    Case(
        "page missing from the nav",
        write("docs/orphan.md", "---\ndescription: x\n---\n# Orphan\n"),
        r"not included in the \"nav\" configuration:\s+- orphan\.md: add the page under `nav:` in mkdocs\.yml",
    ),
]


@pytest.mark.parametrize("case", CASES, ids=[case.name for case in CASES])
def test_bad_input_stops_the_build_with_a_clear_message(project, case):
    case.breaks(project)
    result = build(project)
    output = result.stdout + result.stderr
    assert result.returncode == 1, output
    assert re.search(case.expected, output), output
    assert "Traceback" not in output, output
    assert (project / "site" / "index.html").read_text(encoding="utf-8") == "previous site"
    assert not (project / ".site.building").exists()


def test_missing_graphviz_is_one_line_saying_how_to_install_it(project, tmp_path):
    # A PATH with Python's own folder but no `dot`; a fresh cache so no figure is reused.
    shutil.rmtree(ROOT / ".cache" / "figures-tests-nodot", ignore_errors=True)
    env_path = str(Path(sys.executable).parent)
    result = subprocess.run(
        [sys.executable, "scripts/build.py"],
        cwd=project,
        capture_output=True,
        text=True,
        env={**os.environ, "PATH": env_path, "HANDBOOK_CACHE": str(tmp_path / "cache")},
        check=False,
    )
    assert result.returncode == 1
    assert "Graphviz is not installed (no `dot` on PATH): run `make build`, or `sudo apt-get install graphviz`" in (
        result.stderr
    )
    assert "Traceback" not in result.stderr


def _serve_until(
    process: subprocess.Popen, lines: queue.Queue, seen: list[str], wanted: str, seconds: float = 90
) -> str:
    """Take `mkdocs serve`'s output lines until one holds `wanted`; return it."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            line = lines.get(timeout=1)
        except queue.Empty:
            assert process.poll() is None, "mkdocs serve exited:\n" + "".join(seen)
            continue
        seen.append(line)
        if wanted in line:
            return line
    raise AssertionError(f"no line with {wanted!r} within {seconds} s:\n" + "".join(seen))


def test_serve_reports_each_content_error_and_keeps_watching(project):
    """A typo in a quiz id, saved twice, is reported both times with its file and line, and serve goes on."""
    page = project / PAGE
    good = page.read_text(encoding="utf-8")
    port = free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "--dev-addr", f"127.0.0.1:{port}"],
        cwd=project,
        env={**os.environ, "HANDBOOK_CACHE": str(ROOT / ".cache" / "tests"), "PYTHONUNBUFFERED": "1"},
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    lines: queue.Queue = queue.Queue()
    threading.Thread(target=lambda: [lines.put(line) for line in process.stdout], daemon=True).start()
    seen: list[str] = []
    try:
        _serve_until(process, lines, seen, "Serving on")
        page.write_text(good.replace('quiz("replication"', 'quiz("replicaton"'), encoding="utf-8")
        wanted = "docs/data/replication.md:10: "
        first = _serve_until(process, lines, seen, 'quiz("replicaton"): no such quiz; did you mean "replication"?')
        assert wanted in first and "Traceback" not in "".join(seen)
        page.write_text(page.read_text(encoding="utf-8") + "\n", encoding="utf-8")  # the same mistake, saved again
        _serve_until(process, lines, seen, "Building documentation")
        again = _serve_until(process, lines, seen, 'quiz("replicaton"): no such quiz')
        assert wanted in again, "the second report names the page and line too"
        page.write_text(good, encoding="utf-8")
        _serve_until(process, lines, seen, "Documentation built in")
        assert process.poll() is None and "Traceback" not in "".join(seen)
    finally:
        process.terminate()
        process.wait(timeout=30)
