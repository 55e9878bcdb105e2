"""The practice renderers: data text never becomes markup, and a scorecard has a row and four boxes per dimension."""

from __future__ import annotations

import yaml

from handbook.content.practice import Loop
from handbook.rendering.practice import (
    loop_markdown,
    markdown_text,
    render_round,
    render_scorecard,
)
from tests.conftest import ROOT
from tests.support.contexts import real_context

RUBRIC = real_context().data.practice.rubric


def sample(**changes) -> Loop:
    data = yaml.safe_load((ROOT / "data" / "loops" / "commerce-platform.yml").read_text(encoding="utf-8"))
    data["rounds"][0].update(changes)
    return Loop.model_validate(data)


def test_raw_html_in_a_round_is_shown_as_text():
    loop = sample(prompt='Parse <script>alert(1)</script> and <img src=x onerror="alert(2)">')
    html = render_round(loop, 1, loop.rounds[0], RUBRIC.of("coding"), "../../rubric/")
    assert "<script>" not in html and "<img" not in html
    assert "&lt;script&gt;" in html
    assert markdown_text("a <b> & c") == "a &lt;b> &amp; c"


def test_the_loop_page_puts_each_round_under_its_own_heading_and_links_the_reference():
    loop = sample()
    stashed: list[str] = []
    page = loop_markdown(
        loop,
        RUBRIC,
        lambda html: stashed.append(html) or f"[{len(stashed) - 1}]",
        "../../rubric/",
        lambda p: f"../../{p}",
    )
    for number, round_ in enumerate(loop.rounds, start=1):
        assert f"## Round {number} · " in page and f"{{#round-{round_.id}}}" in page
    assert "](../../algorithms/graphs.md#topological-sort-the-order-to-run-migrations)" in page
    assert sum('class="hb-round"' in block for block in stashed) == len(loop.rounds)
    assert 'href="../../rubric/#rubric-coding-testing"' in "".join(stashed)


def test_a_scorecard_has_a_row_and_four_boxes_per_dimension():
    loop = sample()
    for number, round_ in enumerate(loop.rounds, start=1):
        dimensions = RUBRIC.of(round_.kind).dimensions
        html = render_scorecard(loop, number, round_, RUBRIC.of(round_.kind))
        body = html[html.index("<tbody>") : html.index("</tbody>")]
        assert body.count("<tr>") == len(dimensions)
        assert body.count('class="hb-box"') == 4 * len(dimensions)
        for dimension in dimensions:
            assert dimension.name in body
        assert f"Round {number} of 5" in html and html.count("<li>") == 3
