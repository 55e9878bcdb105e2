"""`make new` scaffolds valid files and a nav entry, refuses existing names, and unfilled TODOs cannot land."""

from __future__ import annotations

import shutil

import pytest

from handbook.content.loading import load_data
from handbook.figures.architecture import render_one
from handbook.scaffold import main as new
from tests.conftest import ROOT


@pytest.fixture
def project(tmp_path):
    for name in ("data", "docs"):
        shutil.copytree(ROOT / name, tmp_path / name)
    shutil.copy(ROOT / "mkdocs.yml", tmp_path / "mkdocs.yml")
    (tmp_path / "figures").mkdir()
    return tmp_path


def test_new_page_gets_a_valid_quiz_and_a_nav_entry(project):
    assert new(["page", "data/bloom-filters", "Bloom filters", "--root", str(project)]) == 0
    assert (project / "docs" / "data" / "bloom-filters.md").read_text().count('quiz("bloom-filters"') == 1
    assert "bloom-filters-todo-first-question" in {
        q.id for q in load_data(project).quizzes["bloom-filters"].model.questions
    }
    nav = (project / "mkdocs.yml").read_text()
    assert "      - Bloom filters: data/bloom-filters.md\n" in nav
    assert nav.index("data/bloom-filters.md") > nav.index("data/caching.md")


def test_new_checklist_and_figure(project, tmp_path):
    assert new(["checklist", "incident-review", "Incident review", "--root", str(project)]) == 0
    assert "incident-review" in load_data(project).checklists
    assert "checklists/incident-review.md" in (project / "mkdocs.yml").read_text()
    assert new(["figure", "bloom-filter-lookup", "Bloom filter lookup", "--root", str(project)]) == 0
    figure = render_one(project / "figures" / "bloom-filter-lookup.py", tmp_path / "cache", "bloom-filter-lookup.py")
    assert figure.title == "Bloom filter lookup"


@pytest.mark.parametrize(
    "args, message",
    [
        (["page", "data/replication", "Replication"], "docs/data/replication.md already exists"),
        (["page", "api/replication", "Again"], "data/quizzes/replication.yml already exists"),
        (["page", "data/Bloom_Filters", "X"], "'Bloom_Filters' is not kebab-case"),
        (["checklist", "data-at-scale", "X"], "data/checklists/data-at-scale.yml already exists"),
        (["page", "nowhere/new-page", "X"], "no nav section holds pages of docs/nowhere/"),
    ],
)
def test_new_refuses_existing_or_bad_names(project, capsys, args, message):
    assert new([*args, "--root", str(project)]) == 1
    assert message in capsys.readouterr().err


def test_no_scaffold_todo_is_left_in_pages_or_data():
    left = [
        f"{p.relative_to(ROOT)}"
        for folder in ("docs", "data", "figures")
        for p in (ROOT / folder).rglob("*")
        if p.suffix in {".md", ".yml", ".py"} and "TODO" in p.read_text(encoding="utf-8")
    ]
    assert left == []


def test_a_new_page_builds_as_scaffolded(tmp_path):
    """`make new KIND=page` writes nothing that stops the build: its figure call has a figure, its quiz is valid."""
    import os
    import subprocess
    import sys

    tracked = subprocess.run(["git", "ls-files"], cwd=ROOT, capture_output=True, text=True, check=True).stdout
    project = tmp_path / "project"
    for name in tracked.splitlines():
        if (ROOT / name).is_file():
            (project / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(ROOT / name, project / name)
    (project / "node_modules").symlink_to(ROOT / "node_modules")
    assert new(["page", "data/bloom-filters", "Bloom filters", "--root", str(project)]) == 0
    assert (project / "figures" / "bloom-filters.py").is_file()
    result = subprocess.run(
        [sys.executable, "scripts/build.py", "--site-dir", str(tmp_path / "site")],
        cwd=project,
        # The session build's cache (HANDBOOK_CACHE when set, as the session build reads it): only the new figure
        # renders. Always ROOT/.cache, it rendered every figure and diagram again where HANDBOOK_CACHE points elsewhere.
        env={**os.environ, "HANDBOOK_CACHE": os.environ.get("HANDBOOK_CACHE", str(ROOT / ".cache"))},
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    page = (tmp_path / "site" / "data" / "bloom-filters" / "index.html").read_text(encoding="utf-8")
    assert 'id="figure-bloom-filters"' in page and 'id="quiz-bloom-filters"' in page
