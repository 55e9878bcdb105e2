"""Every Python example a page includes runs, and its own asserts pass."""

from __future__ import annotations

import subprocess
import sys

import pytest

from tests.conftest import ROOT

EXAMPLES = sorted((ROOT / "examples" / "python").glob("*.py"))


@pytest.mark.parametrize("example", EXAMPLES, ids=[e.name for e in EXAMPLES])
def test_python_example_runs(example):
    result = subprocess.run([sys.executable, str(example)], capture_output=True, text=True, timeout=60, check=False)
    assert result.returncode == 0, f"{example.relative_to(ROOT)} failed:\n{result.stderr[-2000:]}"


def test_every_python_example_is_included_by_a_page():
    pages = "\n".join(p.read_text(encoding="utf-8") for p in (ROOT / "docs").rglob("*.md"))
    unused = [e.name for e in EXAMPLES if f'--8<-- "python/{e.name}"' not in pages]
    assert unused == []
