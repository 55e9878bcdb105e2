"""The same checks as .pre-commit-config.yaml, so CI and a contributor's commit hook agree."""

from __future__ import annotations

import re
import subprocess
import sys
from fnmatch import fnmatch
from pathlib import Path

import yaml

from tests.conftest import ROOT

BIN = Path(sys.executable).parent


def run(*command: str) -> subprocess.CompletedProcess:
    return subprocess.run(command, cwd=ROOT, capture_output=True, text=True, check=False)


def tracked_files() -> list[Path]:
    listed = run("git", "ls-files", "--cached", "--others", "--exclude-standard").stdout.splitlines()
    return [ROOT / name for name in listed if (ROOT / name).is_file()]


def test_ruff_lint_finds_nothing():
    result = run(str(BIN / "ruff"), "check", "--no-cache", ".")
    assert result.returncode == 0, result.stdout


def test_ruff_format_would_change_nothing():
    result = run(str(BIN / "ruff"), "format", "--check", "--no-cache", ".")
    assert result.returncode == 0, result.stdout + "\nrun: .venv/bin/ruff format ."


def test_codespell_finds_no_misspelling():
    result = run(str(BIN / "codespell"))
    assert result.returncode == 0, result.stdout + "\nfix the word, or add a real word to .codespell-words"


def test_no_trailing_whitespace_and_a_final_newline():
    problems = []
    for path in tracked_files():
        if path.suffix not in {".md", ".yml", ".yaml", ".py", ".js", ".css", ".sql", ".toml", ".txt", ".html"}:
            continue
        text = path.read_text(encoding="utf-8")
        if text and not text.endswith("\n"):
            problems.append(f"{path.relative_to(ROOT)}: no newline at the end")
        for number, line in enumerate(text.splitlines(), 1):
            if line != line.rstrip():
                problems.append(f"{path.relative_to(ROOT)}:{number}: trailing whitespace")
    assert problems == []


def test_yaml_files_parse():
    class Loader(yaml.SafeLoader):  # mkdocs.yml names Python objects with !!python/name tags
        pass

    Loader.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: None)
    for path in tracked_files():
        if path.suffix in {".yml", ".yaml"}:
            yaml.load(path.read_text(encoding="utf-8"), Loader=Loader)  # noqa: S506 - SafeLoader subclass


def test_every_test_file_is_collected(pytestconfig):
    # A test file pytest never runs proves nothing: it skips folders matching `norecursedirs` (build, dist… by
    # default) and reads only files matching `python_files`. (Read from pytest's own settings: running a second
    # collection took longer than the rest of the unit tests' checks of this file.)
    skipped, named = pytestconfig.getini("norecursedirs"), pytestconfig.getini("python_files")
    assert "build" not in skipped, "tests/build holds the site-build tests"
    for path in sorted((ROOT / "tests").rglob("*.py")):
        if not re.search(r"^(async )?def test_", path.read_text(encoding="utf-8"), re.M):
            continue
        relative = path.relative_to(ROOT)
        assert any(fnmatch(path.name, pattern) for pattern in named), f"{relative}: name it test_*.py"
        for folder in relative.parent.parts:
            assert not any(fnmatch(folder, pattern) for pattern in skipped), f"{relative}: pytest skips {folder}/"


def test_every_stylesheet_has_balanced_braces():
    # A brace lost in a merge silently drops every rule after it (browsers skip to the next balanced block).
    for sheet in sorted((ROOT / "docs" / "assets" / "stylesheets").glob("*.css")):
        text = re.sub(r"/\*.*?\*/", "", sheet.read_text(encoding="utf-8"), flags=re.S)
        depth = 0
        for number, line in enumerate(text.splitlines(), 1):
            depth += line.count("{") - line.count("}")
            assert depth >= 0, f"{sheet.relative_to(ROOT)}:{number}: a }} closes nothing"
        assert depth == 0, f"{sheet.relative_to(ROOT)}: {depth} block(s) left open: close them"
