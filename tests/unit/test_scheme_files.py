"""A page's inline figure becomes a file an <img> shows in either scheme: well-formed, its Material colours
carried light and, under `#dark`, dark, and nothing in it that no rule, link or reader uses."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

import pytest

from handbook.errors import FigureError
from handbook.figures.scheme_files import (
    DARK_ID,
    material_variables,
    prune_css,
    round_geometry,
    scheme_file,
    well_formed,
)

SVG = "{http://www.w3.org/2000/svg}"

# The shape of a page-ready Mermaid SVG: style attributes already moved into classes, Material's variables.
MERMAID = (
    '<svg id="mermaid-1" width="100%" xmlns="http://www.w3.org/2000/svg" class="hb-s0 flowchart" '
    'viewBox="-8 -10 512.54321 479.04" role="graphics-document document" aria-roledescription="flowchart-v2" '
    'tabindex="0"><title id="t">Title</title><desc id="d">What it shows.</desc>'
    "<style>#mermaid-1.hb-s0{min-width: 365px; max-width: 512px}"
    "#mermaid-1 .node rect{fill:var(--md-mermaid-node-bg-color);stroke:var(--md-mermaid-node-fg-color)}"
    "#mermaid-1 .actor{fill:var(--md-mermaid-sequence-actor-bg-color)}"
    "#mermaid-1 #arrowhead path{fill:#333}#mermaid-1 .edgeLabel p{color:var(--md-mermaid-label-fg-color)}"
    "@keyframes dash{to{stroke-dashoffset:0;}}#mermaid-1 .edge-animation-fast{animation:dash 20s}"
    "#mermaid-1 :not(.x){opacity: 1}</style>"
    '<marker id="arrowhead"><path d="M0,0L10,5"/></marker>'
    '<g class="node" id="flowchart-A-0" data-id="A" name="A"><rect x="1.23456" y="-0.04" width="10.06"/></g>'
    '<path d="M 1.26,2.5 L 3.333,4" marker-end="url(#arrowhead)"/>'
    '<g class="edgeLabel"><foreignObject width="20" height="10"><div xmlns="http://www.w3.org/1999/xhtml">'
    "<p>one<br>two&nbsp;&amp; three</p></div></foreignObject></g></svg>"
)
LIGHT = {
    "--md-mermaid-node-bg-color": "#526cfe1a",
    "--md-mermaid-node-fg-color": "#526cfe",
    "--md-mermaid-label-fg-color": "#36464e",
    "--md-mermaid-sequence-actor-bg-color": "#fff",
}
DARK = {name: f"hsla(225deg, 15%, {n}%, 1)" for n, name in enumerate(LIGHT, 10)}


def _rules(svg: str) -> dict[str, str]:
    style = re.search(r"<style>(.*?)</style>", svg).group(1)
    return dict(re.findall(r"([^{}]+)\{([^{}]*)\}", style))


def test_a_mermaid_figure_file_is_well_formed_and_carries_its_colours_for_both_schemes():
    made = scheme_file(MERMAID, LIGHT, DARK, "docs/x.md")
    root = ET.fromstring(made.svg)  # an <img> parses the file as XML: HTML's <br> and &nbsp; would break it
    assert (root.get("width"), root.get("height")) == ("512.5", "479")
    assert (made.width, made.height) == (512.54321, 479.04)
    assert root.get("tabindex") is None and root.get("role") is None
    group = root.find(f"{SVG}g[@id='{DARK_ID}']")
    assert group is not None, "the content sits in the group that #dark targets"
    rules = _rules(made.svg)
    used = {"--md-mermaid-node-bg-color", "--md-mermaid-node-fg-color", "--md-mermaid-label-fg-color"}
    light = dict(d.split(":", 1) for d in rules[f"#mermaid-1,#{DARK_ID}"].split(";"))
    dark = dict(d.split(":", 1) for d in rules[f"#{DARK_ID}:target"].split(";"))
    assert light == {name: LIGHT[name] for name in used}
    assert dark == {name: DARK[name] for name in used}


def test_the_file_keeps_what_draws_the_figure_and_drops_what_matches_nothing():
    svg = scheme_file(MERMAID, LIGHT, DARK, "docs/x.md").svg
    assert "<title" not in svg and "<desc" not in svg, "the page's <img> carries the words"
    assert "data-id" not in svg and ' name="' not in svg
    assert ".actor" not in svg, "no element has the class: the rule can match nothing"
    assert "#mermaid-1 #arrowhead path{fill:#333}" in svg, "the marker's rule stays with the marker"
    assert 'id="arrowhead"' in svg and 'id="flowchart-A-0"' not in svg, "only ids something refers to stay"
    assert "@keyframes" not in svg, "no element is animated"
    assert ":not(.x)" in svg, "a selector too subtle to judge is kept"
    assert "min-width" not in svg, "the page's width limits do not apply to a file"
    assert '<rect x="1.2" y="0" width="10.1"/>' in svg and 'd="M 1.3,2.5 L 3.3,4"' in svg
    assert "<br/>" in svg and "&#160;" in svg and "&amp; three" in svg


def test_a_variable_missing_from_a_scheme_is_an_error_naming_the_figure():
    light = dict(LIGHT)
    del light["--md-mermaid-label-fg-color"]
    with pytest.raises(FigureError, match=r"docs/x\.md: no value for --md-mermaid-label-fg-color"):
        scheme_file(MERMAID, light, DARK, "docs/x.md")


def test_a_chart_file_moves_its_own_colours_under_the_dark_group():
    chart = (
        '<svg id="chart-x" class="hb-chart__svg" role="img" aria-label="Bars" width="480" height="280" '
        'viewBox="0 0 480 280" xmlns="http://www.w3.org/2000/svg"><style>'
        "#chart-x{--hb-fg:var(--md-default-fg-color, #212121);--hb-blue:#0a5ea8;font-family:sans-serif}"
        "[data-md-color-scheme=slate] #chart-x{--hb-blue:#6cb6f5}"
        "#chart-x .hb-c0{fill:var(--hb-blue);stroke:var(--hb-fg)}</style>"
        '<path class="hb-c0" d="M0 0L1 1"/></svg>'
    )
    assert material_variables(chart) == {"--md-default-fg-color"}
    made = scheme_file(chart, {"--md-default-fg-color": "#000000de"}, {"--md-default-fg-color": "#e2e4e9d1"}, "c")
    rules = _rules(made.svg)
    assert "data-md-color-scheme" not in made.svg, "an <img> has no page scheme to match"
    # Declared on the group too, so its var() sees the group's own (dark while targeted) Material value.
    assert rules[f"#{DARK_ID}"] == "--hb-fg:var(--md-default-fg-color, #212121);--hb-blue:#0a5ea8"
    assert rules[f"#{DARK_ID}:target"] == "--md-default-fg-color:#e2e4e9d1;--hb-blue:#6cb6f5"
    assert rules[f"#chart-x,#{DARK_ID}"] == "--md-default-fg-color:#000000de"
    ET.fromstring(made.svg)


def test_an_svg_without_an_id_or_a_viewbox_is_refused():
    with pytest.raises(FigureError, match="no root <svg> with an id and a viewBox"):
        scheme_file('<svg xmlns="http://www.w3.org/2000/svg"></svg>', {}, {}, "x")


def test_pruning_judges_each_selector_of_a_list_on_its_own():
    svg = '<svg id="s"><g class="a"><text>t</text></g></svg>'
    css = "#s .a text,#s .b text{fill:red}#s .b{fill:blue}#s rect{fill:green}@media print{#s .b{fill:red}}"
    assert prune_css(css, svg) == "#s .a text{fill:red}@media print{#s .b{fill:red}}"


def test_rounding_touches_geometry_only():
    assert round_geometry('<path d="M0.04,-0.04 L1.25,2.349" id="a1.234"/>') == '<path d="M0,0 L1.2,2.3" id="a1.234"/>'


def test_well_formed_keeps_xml_entities_and_numbers_the_others():
    assert well_formed("<p>a<br>b<hr class='x'>&lt;&mdash;&bogus;</p>") == (
        "<p>a<br/>b<hr class='x'/>&lt;&#8212;&amp;bogus;</p>"
    )
