"""The architecture figures' layouts and dark scheme: what the runner, the theme and the page markup add.

The renderer draws every figure twice, wide for a laptop's 690 px column and narrow for a phone's, each with
14 pt labels, and picks per figure the first direction whose smallest text is legible where it is shown;
`figure.svg#dark` is the same file drawn for Material's slate scheme. The browser tests measure the built site.
"""

from __future__ import annotations

import re
import textwrap
from pathlib import Path

import pytest

from handbook.errors import FigureError
from handbook.figures.architecture import SCREENS, page_size, render_all
from handbook.figures.architecture_script import LAYOUTS, node_attributes, wrap_label
from handbook.figures.architecture_theme import BACKGROUND, DARK_ID, dark_colour, themed
from handbook.figures.html import NARROW_SCREEN, figure_html

ROOT = Path(__file__).resolve().parents[2]

PIPELINE = """\
from diagrams import Cluster, Diagram, Edge
from diagrams.onprem.compute import Server
from diagrams.onprem.database import PostgreSQL
from diagrams.onprem.queue import Kafka

TITLE = "A five-stage pipeline"
ALT = "Clients call an API that writes PostgreSQL; a relay reads the log and publishes to Kafka for a consumer."

with Diagram(TITLE, direction="LR"):
    with Cluster("service"):
        api = Server("order service")
        db = PostgreSQL("PostgreSQL\\norders + outbox tables")
    relay = Server("outbox relay")
    topic = Kafka("topic: order-events")
    api >> Edge(label="BEGIN; INSERT order; INSERT outbox; COMMIT") >> db
    db >> Edge(label="WAL via logical replication slot", color="#1565c0") >> relay
    relay >> Edge(label="OrderPlaced (key = order id)") >> topic >> Edge(label="consume") >> Server("shipping")
"""


def _luminance(hex_colour: str) -> float:
    def linear(c: float) -> float:
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (linear(int(hex_colour[i : i + 2], 16) / 255) for i in (1, 3, 5))
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def _contrast(a: str, b: str) -> float:
    high, low = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


@pytest.fixture(scope="module")
def pipeline(tmp_path_factory):
    folder = tmp_path_factory.mktemp("layout")
    (folder / "scripts").mkdir()
    (folder / "scripts" / "pipeline.py").write_text(PIPELINE, encoding="utf-8")
    [figure] = render_all(folder / "scripts", folder / "cache")
    return figure


@pytest.mark.parametrize(
    "text, width, expected",
    [
        ("order service", 16, "order service"),
        ("BEGIN; INSERT order;", 16, "BEGIN;\nINSERT order;"),  # even lines, not "BEGIN; INSERT" / "order;"
        ("PostgreSQL\norders + outbox tables", 16, "PostgreSQL\norders +\noutbox tables"),
        ("maxReceiveCount", 8, "maxReceiveCount"),  # one long word stays whole
    ],
)
def test_labels_wrap_into_even_lines_at_spaces(text, width, expected):
    assert wrap_label(text, width) == expected


def test_an_icon_node_becomes_its_icon_over_its_escaped_text():
    layout = LAYOUTS["wide"]
    label, attrs = node_attributes(
        "a < b & c", {"image": "/icons/postgres.png", "height": "2.3", "shape": "none"}, layout
    )
    assert label.startswith("<<TABLE") and label.endswith("</TABLE>>")
    assert f'WIDTH="{layout.icon}" HEIGHT="{layout.icon}"><IMG SRC="/icons/postgres.png"' in label
    assert "a &lt; b &amp; c" in label
    assert "image" not in attrs and "height" not in attrs and attrs["shape"] == "rect"


def test_a_blank_icon_and_a_plain_node_keep_a_text_label():
    layout = LAYOUTS["narrow"]
    assert node_attributes("key k1", {"image": "/x/generic/blank/blank.png"}, layout) == (
        "key k1",
        {"shape": "plaintext"},
    )
    assert node_attributes("pool", {"shape": "box"}, layout) == ("pool", {"shape": "box"})


def test_both_layouts_label_everything_at_one_size():
    assert {layout.fontsize for layout in LAYOUTS.values()} == {14}


def test_a_long_left_to_right_chain_is_stacked_for_the_phone(pipeline):
    wide = pipeline.svg.read_text(encoding="utf-8")
    narrow = pipeline.narrow.read_text(encoding="utf-8")
    assert pipeline.narrow.name.endswith(".narrow.svg")
    assert pipeline.narrow_height > pipeline.narrow_width, "stacked top to bottom"
    for svg in (wide, narrow):
        sizes = {float(size) for size in re.findall(r'font-size="([\d.]+)"', svg)}
        assert sizes == {14.0}
    files = {"wide": (wide, pipeline.width), "narrow": (narrow, pipeline.narrow_width)}
    for screen in SCREENS:
        svg, page_width = files[screen.variant]
        natural = float(re.search(r'viewBox="[-\d.]+ [-\d.]+ ([\d.]+)', svg).group(1))
        shown = 14 * min(page_width, screen.column) / natural  # the page may show it below its own size
        assert shown >= screen.smallest, f"{screen.variant}: text shown at {shown:.1f} px"


@pytest.mark.parametrize(
    "size, expected",
    [
        ((600, 700), (600, 700)),  # fits the window: its own size
        ((600, 900), (507, 760)),  # a little too tall: shrunk to the window (text at 11.8 px)
        ((600, 1000), (493, 821)),  # much too tall: shrunk only as far as 11.5 px text
        ((900, 1200), (900, 1200)),  # already shrunk to the column: its text cannot go smaller
    ],
)
def test_a_figure_taller_than_the_window_is_shown_smaller_while_its_text_allows(size, expected):
    wide = next(screen for screen in SCREENS if screen.variant == "wide")
    width, height = size
    got = page_size({"width": width, "height": height, "smallest_text": 14.0}, wide)
    assert got == expected


def test_the_svg_draws_itself_dark_while_dark_is_its_target(pipeline):
    svg = pipeline.svg.read_text(encoding="utf-8")
    assert f'<g id="{DARK_ID}">' in svg and svg.rstrip().endswith("</g>\n</svg>")
    style = re.search(r"<style>(.*?)</style>", svg).group(1)
    painted = set(re.findall(r'(?:fill|stroke)="(#[0-9a-f]{6})"', svg))
    assert "#1565c0" in painted, "the script's colour, in lower case"
    for colour in painted:
        assert f'#dark:target [fill="{colour}"]{{fill:{dark_colour(colour)}}}' in style
    assert "<!--" not in svg, "Graphviz's comments are dropped"
    assert svg.count('class="hb-plate"') == svg.count("<use "), "a plate under every icon, for the dark"


@pytest.mark.parametrize(
    "light",
    sorted(
        {
            c.lower()
            for script in (ROOT / "figures").glob("*.py")
            for c in re.findall(r"#[0-9a-fA-F]{6}", script.read_text())
        }
        | {"#2d3436", "#7b8894"}
    ),
)
def test_every_line_colour_a_figure_uses_reads_on_white_and_on_the_slate_page(light):
    """Text and arrows need 3:1 against what is behind them; pale fills (clusters, note boxes) must go dark."""
    if _luminance(light) > 0.5:  # a fill: in the dark it must not glare
        assert _luminance(dark_colour(light)) < 0.06, f"{light} stays bright in the dark"
        return
    assert _contrast(light, "#ffffff") >= 3, f"{light} on the white figure"
    assert _contrast(dark_colour(light), BACKGROUND) >= 3, f"{light} -> {dark_colour(light)} on the slate page"


def test_an_unknown_colour_name_is_refused_with_the_script_named():
    with pytest.raises(FigureError, match=r'figures/x.py: colour "firebrick" cannot follow the dark scheme: write'):
        themed('<svg width="1pt" height="1pt"><path stroke="firebrick"/></svg>', "figures/x.py")


def test_the_page_shows_each_scheme_its_copy_and_a_phone_its_layout(pipeline):
    html = figure_html(pipeline, "messaging/event-patterns/")
    assert html.count("<picture>") == 2
    for scheme, fragment in (("light", ""), ("dark", "#dark")):
        copy = re.search(rf'<a href="[^"]*" class="hb-figure__link hb-figure__{scheme}".*?</a>', html).group(0)
        assert f'<source media="{NARROW_SCREEN}" srcset="../../figures/pipeline.narrow.svg{fragment}" ' in copy
        assert f'<img src="../../figures/pipeline.svg{fragment}" ' in copy
        assert f'width="{pipeline.width}" height="{pipeline.height}" loading="lazy"' in copy
        assert f'width="{pipeline.narrow_width}" height="{pipeline.narrow_height}">' in copy
    assert NARROW_SCREEN.startswith("screen and"), "print keeps the wide figure"


def test_a_figure_without_a_narrow_layout_has_no_source(pipeline):
    from dataclasses import replace

    html = figure_html(replace(pipeline, narrow=None), "data/caching/")
    assert "<source" not in html and html.count("<img ") == 2


@pytest.fixture
def scripts(tmp_path):
    def write(**named: str) -> Path:
        folder = tmp_path / "figures"
        folder.mkdir(exist_ok=True)
        for name, text in named.items():
            (folder / f"{name}.py").write_text(textwrap.dedent(text), encoding="utf-8")
        return folder

    return write


def test_a_script_can_adapt_to_the_narrow_layout(scripts, tmp_path):
    folder = scripts(adaptive=PIPELINE.replace('Server("shipping")', 'Server("phone" if NARROW else "laptop")'))
    [figure] = render_all(folder, tmp_path / "cache")
    assert ">laptop<" in figure.svg.read_text(encoding="utf-8")
    assert ">phone<" in figure.narrow.read_text(encoding="utf-8")
