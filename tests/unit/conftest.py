"""Fixtures the unit tests share."""

from __future__ import annotations

from pathlib import Path

import pytest

from handbook.figures.charts import RUNNER, render_all
from handbook.figures.fork_server import ForkServer


@pytest.fixture(scope="session")
def chart_runner():
    """One chart runner for every render in a test session: matplotlib is imported once, not once a render."""
    with ForkServer(RUNNER) as server:
        yield server


@pytest.fixture
def render_charts(chart_runner):
    """`render_charts(root, cache)`: every chart of a made-up project under `root`, drawn into `cache`."""

    def draw(root: Path, cache: Path):
        return render_all(root / "figures" / "charts", cache, root, server=chart_runner)

    return draw
