"""The chart renderer: deterministic inline SVG drawn from the examples' numbers, cached by what each chart reads,
scheme-following colours, and one-line errors that name the script (or the example) and what to do."""

from __future__ import annotations

import re
import shutil
import statistics
import textwrap
from pathlib import Path

import pytest

from handbook.charts.theme import COLOURS, SMALL
from handbook.errors import FigureError
from handbook.figures.charts import render_all
from handbook.project import Project
from tests.conftest import ROOT

EXAMPLE = """\
\"\"\"A tiny example with its own check, like the handbook's.\"\"\"

LOADS = [3, 5, 8]


def total(values):
    return sum(values)


assert total(LOADS) == sum(LOADS)
"""

CHART = """\
from handbook.charts import theme
from handbook.charts.sources import example

numbers = example("numbers")
TITLE = "Loads"
ALT = f"Three bars: {', '.join(map(str, numbers.LOADS))}; total {numbers.total(numbers.LOADS)}."

fig, ax = theme.figure(200)
ax.bar(range(len(numbers.LOADS)), numbers.LOADS, color=theme.BLUE, label="load")
ax.set_xlabel("Request")
ax.legend()
"""


FINE = """\
from handbook.charts import theme

TITLE = "Fine"
ALT = "A line."
fig, ax = theme.figure(200)
ax.plot([0, 1], [0, 1])
"""


def project(tmp_path: Path, chart: str = CHART, example: str = EXAMPLE, name: str = "loads") -> Path:
    """A made-up project: one example under examples/python/ and one chart under figures/charts/."""
    root = tmp_path / "project"
    (root / "examples" / "python").mkdir(parents=True, exist_ok=True)
    (root / "figures" / "charts").mkdir(parents=True, exist_ok=True)
    (root / "examples" / "python" / "numbers.py").write_text(example, encoding="utf-8")
    (root / "figures" / "charts" / f"{name}.py").write_text(textwrap.dedent(chart), encoding="utf-8")
    return root


def test_two_renders_give_the_same_bytes(tmp_path, render_charts):
    root = project(tmp_path)
    [first] = render_charts(root, tmp_path / "cache-a")
    [second] = render_charts(root, tmp_path / "cache-b")
    assert first.rendered and second.rendered
    assert first.svg.read_bytes() == second.svg.read_bytes()


def test_svg_is_inline_ready_accessible_and_follows_the_scheme(tmp_path, render_charts):
    [chart] = render_charts(project(tmp_path), tmp_path / "cache")
    svg = chart.svg.read_text(encoding="utf-8")
    assert svg.startswith(
        '<svg id="chart-loads" class="hb-chart__svg" role="img" aria-label="Three bars: 3, 5, 8; total 16."'
    )
    assert (chart.title, chart.alt, chart.caption, chart.inline) == (
        "Loads",
        "Three bars: 3, 5, 8; total 16.",
        "Loads",
        True,
    )
    assert (chart.width, chart.height) == (480, 200)
    assert " style=" not in svg, "the Content-Security-Policy blocks style attributes"
    assert "<?xml" not in svg and "<metadata" not in svg and "Matplotlib v" not in svg
    assert svg.count("<style>") == 1
    assert re.search(r"\[data-md-color-scheme=slate\] #chart-loads\{[^}]*--hb-blue:#6cb6f5", svg), "dark colours"
    assert re.search(r"#chart-loads \.hb-c\d+\{fill:var\(--hb-blue\)", svg), "the bars' colour is a variable"
    ids = re.findall(r' id="([^"]+)"', svg)
    assert ids[0] == "chart-loads" and all(i.startswith("chart-loads-") for i in ids[1:]), ids
    assert "<text" in svg and "Request</text>" in svg, "text stays text"


def test_a_second_render_renders_nothing(tmp_path, render_charts):
    root, cache = project(tmp_path), tmp_path / "cache"
    [cold] = render_charts(root, cache)
    stamp = cold.svg.stat().st_mtime_ns
    [warm] = render_charts(root, cache)
    assert cold.rendered and not warm.rendered
    assert warm.svg == cold.svg and warm.svg.stat().st_mtime_ns == stamp


def test_the_chart_changes_when_its_examples_numbers_change(tmp_path, render_charts):
    root, cache = project(tmp_path), tmp_path / "cache"
    [before] = render_charts(root, cache)
    project(tmp_path, example=EXAMPLE.replace("[3, 5, 8]", "[3, 5, 13]"))
    [after] = render_charts(root, cache)
    assert after.rendered and after.svg != before.svg
    assert after.alt == "Three bars: 3, 5, 13; total 21."
    assert not before.svg.exists(), "the stale render is removed"
    [again] = render_charts(root, cache)
    assert not again.rendered, "the new inputs are cached in turn"


def test_a_file_the_chart_does_not_read_does_not_re_render_it(tmp_path, render_charts):
    root, cache = project(tmp_path), tmp_path / "cache"
    render_charts(root, cache)
    (root / "examples" / "python" / "unrelated.py").write_text("X = 1\n", encoding="utf-8")
    [warm] = render_charts(root, cache)
    assert not warm.rendered


@pytest.fixture(scope="module")
def fine_cache(tmp_path_factory) -> Path:
    """One cache for the broken-chart cases: the fine chart beside each broken one renders once, not per case."""
    return tmp_path_factory.mktemp("fine-cache")


@pytest.mark.parametrize(
    "chart, example, expected",
    [
        (
            CHART.replace("fig, ax", "1 / 0\nfig, ax"),
            EXAMPLE,
            "figures/charts/broken.py:8: ZeroDivisionError: division by zero: fix the script "
            "(`python figures/charts/broken.py` shows the traceback)",
        ),
        (CHART.replace('TITLE = "Loads"', ""), EXAMPLE, 'figures/charts/broken.py: set TITLE = "..." at the top'),
        ('TITLE = "t"\nALT = "a"\n', EXAMPLE, "figures/charts/broken.py: draws 0 figures: draw exactly one"),
        ("TITLE = (\n", EXAMPLE, "figures/charts/broken.py:1: SyntaxError: "),
        (
            CHART,
            EXAMPLE.replace("== sum(LOADS)", "== 0"),
            "figures/charts/broken.py:4: examples/python/numbers.py:10: AssertionError: the example must run on its "
            "own first (python examples/python/numbers.py)",
        ),
        (
            CHART.replace("color=theme.BLUE", 'color="#ff00ff"'),
            EXAMPLE,
            "figures/charts/broken.py: colour #ff00ff cannot follow the light/dark toggle: draw with a colour of "
            "handbook.charts.theme",
        ),
        (
            CHART.replace('ax.set_xlabel("Request")', 'ax.set_xlabel("Request", fontsize=8)'),
            EXAMPLE,
            f"figures/charts/broken.py: text at 8px is smaller than the {SMALL} px minimum",
        ),
    ],
    ids=["raises", "no-title", "draws-nothing", "syntax-error", "example-fails", "foreign-colour", "tiny-text"],
)
def test_a_broken_chart_stops_with_one_line_naming_it(tmp_path, chart, example, expected, fine_cache, render_charts):
    root = project(tmp_path, chart=chart, example=example, name="broken")
    (root / "figures" / "charts" / "fine.py").write_text(FINE, encoding="utf-8")  # renders; not in the message
    with pytest.raises(FigureError) as caught:
        render_charts(root, fine_cache)
    message = str(caught.value)
    assert message.startswith(expected), message
    assert "Traceback" not in message and len(message.splitlines()) == 1


# The handbook's own charts, as the build publishes them: from the build's cache (rendered when not there).


@pytest.fixture(scope="module")
def handbook_charts(chart_runner):
    return render_all(ROOT / "figures" / "charts", Project(ROOT).cache("charts"), ROOT, server=chart_runner)


REQUIRED = {
    "latency-histogram": "examples/python/percentiles.py",
    "retry-storm": "examples/python/backoff_with_jitter.py",
    "availability-downtime": "handbook/rendering/tables/availability.py",  # a module of the package
    "error-budget-burn": "handbook/rendering/tables/burn_rate.py",
    "keys-moved": "examples/python/consistent_hash_ring.py",
    "rate-limit-boundary": "examples/python/rate_limiters.py",
    "latency-numbers": "data/latency-numbers.yml",
}


def test_every_handbook_chart_is_drawn_from_what_it_illustrates(handbook_charts):
    import json

    by_name = {chart.name: chart for chart in handbook_charts}
    assert set(REQUIRED) <= set(by_name)
    for name, source in REQUIRED.items():
        reads = json.loads(by_name[name].svg.with_suffix(".json").read_text(encoding="utf-8"))["reads"]
        assert source in reads, f"{name} does not read {source}: {reads}"


def test_handbook_charts_are_small_legible_and_described(handbook_charts):
    sizes = [chart.svg.stat().st_size for chart in handbook_charts]
    assert statistics.median(sizes) < 40_000 and max(sizes) < 60_000, sizes
    for chart in handbook_charts:
        svg = chart.svg.read_text(encoding="utf-8")
        fonts = [float(v) for v in re.findall(r"font-size:([\d.]+)px", svg)]
        assert fonts and min(fonts) >= SMALL, (chart.name, min(fonts))
        assert len(chart.alt) > 80 and re.search(r"\d", chart.alt), f"{chart.name}: the alt text gives its numbers"
        assert " style=" not in svg


def test_a_handbook_chart_follows_its_data_file(tmp_path, render_charts):
    """The latency chart of a copy whose data file says a datacenter round trip takes 700 µs shows 700 µs."""
    root = tmp_path / "copy"
    (root / "figures" / "charts").mkdir(parents=True)
    (root / "data").mkdir()
    shutil.copy(ROOT / "figures" / "charts" / "latency-numbers.py", root / "figures" / "charts")
    data = (ROOT / "data" / "latency-numbers.yml").read_text(encoding="utf-8")
    (root / "data" / "latency-numbers.yml").write_text(data, encoding="utf-8")
    [before] = render_charts(root, tmp_path / "cache")
    assert "Round trip within one datacenter: 500 µs" in before.alt
    changed = data.replace("nanoseconds: 500000\n", "nanoseconds: 700000\n", 1)
    assert changed != data
    (root / "data" / "latency-numbers.yml").write_text(changed, encoding="utf-8")
    [after] = render_charts(root, tmp_path / "cache")
    assert after.rendered and "Round trip within one datacenter: 700 µs" in after.alt
    assert ">700 µs</text>" in after.svg.read_text(encoding="utf-8")


def _luminance(hex_colour: str) -> float:
    channels = [int(hex_colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def _contrast(a: str, b: str) -> float:
    high, low = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


@pytest.mark.parametrize("colour", [c for c in COLOURS if c.role not in ("fg", "muted", "grid", "bg")], ids=str)
def test_series_colours_stand_out_in_both_schemes(colour):
    """White is Material's light background; #1e2129 its slate one (hsl(225, 15%, 14%))."""
    assert _contrast(colour.light, "#ffffff") >= 4.5
    assert _contrast(colour.dark, "#1e2129") >= 4.5
