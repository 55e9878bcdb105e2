"""The figure renderer: self-contained, deterministic SVG, cached by content, failures named."""

from __future__ import annotations

import re
import textwrap
from pathlib import Path

import pytest

from handbook.errors import FigureError
from handbook.figures import architecture as figure_render
from handbook.figures.architecture import render_all

TWO_DATABASES = """\
from diagrams import Diagram, Edge
from diagrams.onprem.database import PostgreSQL

TITLE = "Two databases"
ALT = "A leader streams its log to a follower."

with Diagram(TITLE):
    PostgreSQL("leader") >> Edge(label="WAL") >> PostgreSQL("follower")
"""


def project_with(tmp_path: Path, **scripts: str) -> Path:
    folder = tmp_path / "diagrams"
    folder.mkdir(exist_ok=True)
    for name, text in scripts.items():
        (folder / f"{name.replace('_', '-')}.py").write_text(textwrap.dedent(text), encoding="utf-8")
    return folder


def test_svg_is_self_contained_with_each_icon_embedded_once(tmp_path):
    [figure] = render_all(project_with(tmp_path, two_databases=TWO_DATABASES), tmp_path / "cache")
    svg = figure.svg.read_text(encoding="utf-8")
    assert "site-packages" not in svg and not re.search(r'href="/', svg)
    assert svg.count("<symbol") == 1, "the PostgreSQL icon used twice is embedded once"
    assert svg.count('<use xlink:href="#icon-1"') == 2
    assert "data:image/png;base64," in svg
    assert (figure.title, figure.alt) == ("Two databases", "A leader streams its log to a follower.")
    assert figure.width > 100 and figure.height > 50


def test_same_script_gives_byte_identical_svg(tmp_path):
    scripts = project_with(tmp_path, two_databases=TWO_DATABASES)
    [first] = render_all(scripts, tmp_path / "cache-a")
    [second] = render_all(scripts, tmp_path / "cache-b")
    assert first.rendered and second.rendered
    assert first.svg.read_bytes() == second.svg.read_bytes()


def test_unchanged_figure_comes_from_the_cache_and_a_change_re_renders(tmp_path):
    scripts = project_with(tmp_path, two_databases=TWO_DATABASES)
    cache = tmp_path / "cache"
    [cold] = render_all(scripts, cache)
    stamp = cold.svg.stat().st_mtime_ns
    [warm] = render_all(scripts, cache)
    assert cold.rendered and not warm.rendered
    assert warm.svg == cold.svg and warm.svg.stat().st_mtime_ns == stamp
    project_with(tmp_path, two_databases=TWO_DATABASES.replace('"follower"', '"replica"'))
    [changed] = render_all(scripts, cache)
    assert changed.rendered and changed.svg != cold.svg
    assert not cold.svg.exists(), "the stale render is removed"


def test_figures_render_in_parallel_and_all_come_back(tmp_path):
    scripts = project_with(tmp_path, first=TWO_DATABASES, second=TWO_DATABASES.replace("Two", "Other"))
    figures = render_all(scripts, tmp_path / "cache", jobs=2)
    assert [f.name for f in figures] == ["first", "second"]


@pytest.mark.parametrize(
    "script, expected",
    [
        (
            TWO_DATABASES.replace('PostgreSQL("leader")', "1 / 0"),
            "diagrams/broken.py:8: ZeroDivisionError: division by zero",
        ),
        ('TITLE = "t"\nALT = "a"\n', "diagrams/broken.py: draws 0 diagrams: draw exactly one"),
        (
            TWO_DATABASES.replace('TITLE = "Two databases"', 'NAME = "x"').replace("Diagram(TITLE)", 'Diagram("x")'),
            'diagrams/broken.py: set TITLE = "..." at the top of the script',
        ),
        ("with Diagram(:\n", "diagrams/broken.py:1: SyntaxError"),
        ("from diagrams.onprem.database import NoSuchIcon\n", "diagrams/broken.py:1: ImportError: cannot import"),
    ],
    ids=["raises", "draws-nothing", "no-title", "syntax-error", "bad-import"],
)
def test_failing_script_stops_with_its_name_and_the_error(tmp_path, script, expected):
    scripts = project_with(tmp_path, broken=script, good=TWO_DATABASES)
    with pytest.raises(FigureError) as caught:
        render_all(scripts, tmp_path / "cache", root=tmp_path)
    message = str(caught.value)
    assert message.startswith(expected), message
    assert "Traceback" not in message and len(message.splitlines()) == 1


def test_missing_graphviz_says_how_to_install_it(tmp_path, monkeypatch):
    monkeypatch.setenv("PATH", str(tmp_path))
    figure_render._toolchain_fingerprint.cache_clear()
    try:
        with pytest.raises(FigureError, match=r"Graphviz is not installed .*sudo apt-get install graphviz"):
            render_all(project_with(tmp_path, two_databases=TWO_DATABASES), tmp_path / "cache")
    finally:
        figure_render._toolchain_fingerprint.cache_clear()
