"""The fork server the figure renderers share: each script runs in a child as fresh as a process of its own, a
script's prints cannot break the server's answers, and a script that dies without a word is still named."""

from __future__ import annotations

import textwrap

import pytest

from handbook.errors import FigureError
from tests.unit.test_chart_render import FINE, project

# Changes module-level state of matplotlib for whatever would run after it in the same interpreter.
MEDDLER = """\
import matplotlib.pyplot as plt
from handbook.charts import theme

plt.rcParams["lines.linewidth"] = 9
plt.rcParams["svg.hashsalt"] = "meddled"
print("a chart that prints")
TITLE = "Meddler"
ALT = "A line."
fig, ax = theme.figure(200)
ax.plot([0, 1], [1, 0])
"""


def test_each_chart_starts_from_a_pristine_interpreter(tmp_path, render_charts):
    alone = project(tmp_path / "alone", chart=FINE, name="fine")
    [single] = render_charts(alone, tmp_path / "cache-alone")
    crowded = project(tmp_path / "crowded", chart=FINE, name="fine")
    for number in range(4):  # rendered before and beside the fine chart, by the same server
        (crowded / "figures" / "charts" / f"a{number}-meddler.py").write_text(MEDDLER, encoding="utf-8")
    found = {figure.name: figure for figure in render_charts(crowded, tmp_path / "cache-crowded")}
    assert len(found) == 5, "every chart comes back, whatever the others print"
    assert found["fine"].svg.read_bytes() == single.svg.read_bytes()


@pytest.mark.parametrize(
    "body, expected",
    [
        ("import os\nos._exit(3)\n", "figures/charts/dies.py: the script failed with no message"),
        ("import os, signal\nos.kill(os.getpid(), signal.SIGKILL)\n", "the script was stopped by signal 9"),
    ],
    ids=["exits", "killed"],
)
def test_a_chart_that_dies_silently_is_still_named(tmp_path, body, expected, render_charts):
    root = project(tmp_path, chart=textwrap.dedent(body), name="dies")
    (root / "figures" / "charts" / "fine.py").write_text(FINE, encoding="utf-8")
    with pytest.raises(FigureError) as caught:
        render_charts(root, tmp_path / "cache")
    assert expected in str(caught.value)
    assert "fine.py" not in str(caught.value)
