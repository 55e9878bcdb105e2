"""A Mermaid SVG made page-ready: its ids its own, however many diagrams a page has."""

from __future__ import annotations

import re

from handbook.figures.mermaid_svg import page_ready, scope_ids


def sequence(root: str) -> str:
    """What Mermaid writes for a sequence diagram: the same marker and actor ids in every diagram."""
    return (
        f'<svg id="{root}" aria-labelledby="chart-title-{root}" aria-describedby="chart-desc-{root}" '
        'style="max-width: 300px;">'
        f"<style>#{root} .actor{{fill:#ECECFF;}}#arrowhead path{{fill:#333;stroke:#333;}}"
        "#crosshead path{stroke:var(--x)!important}.marker{marker-end:url(#arrowhead)}</style>"
        f'<title id="chart-title-{root}">Login</title><desc id="chart-desc-{root}">Steps</desc>'
        '<g id="root-0"><rect id="actor0" class="actor"/></g>'
        '<defs><marker id="arrowhead"><path d="M0 0"/></marker><marker id="crosshead"/></defs>'
        '<line marker-end="url(#arrowhead)" style="stroke: red"/><use href="#actor0"/><use xlink:href="#root-0"/>'
        "</svg>"
    )


def test_every_id_and_reference_takes_the_diagram_s_id():
    svg = scope_ids(sequence("mermaid-aaa"))
    ids = re.findall(r'\sid="([^"]+)"', svg)
    assert ids[0] == "mermaid-aaa"
    # Ids that hold the diagram's already stay; the others end with it (Material finds some by their start).
    assert set(ids[1:]) == {
        "chart-title-mermaid-aaa",
        "chart-desc-mermaid-aaa",
        "root-0-mermaid-aaa",
        "actor0-mermaid-aaa",
        "arrowhead-mermaid-aaa",
        "crosshead-mermaid-aaa",
    }
    assert 'aria-labelledby="chart-title-mermaid-aaa"' in svg
    assert 'aria-describedby="chart-desc-mermaid-aaa"' in svg
    assert svg.count("url(#arrowhead-mermaid-aaa)") == 2  # the line's attribute and the style rule's value
    assert 'href="#actor0-mermaid-aaa"' in svg and 'xlink:href="#root-0-mermaid-aaa"' in svg
    assert "#arrowhead-mermaid-aaa path{" in svg and "#crosshead-mermaid-aaa path{" in svg
    assert "#mermaid-aaa .actor{fill:#ECECFF;}" in svg  # the diagram's own id and colours are left alone
    assert "fill:#333;stroke:#333" in svg


def test_two_diagrams_on_one_page_share_no_id():
    page = page_ready(sequence("mermaid-aaa")) + page_ready(sequence("mermaid-bbb"))
    ids = re.findall(r'\sid="([^"]+)"', page)
    assert len(ids) == len(set(ids)) == 14
    for root in ("mermaid-aaa", "mermaid-bbb"):
        svg = page[page.index(f'<svg id="{root}"') :]
        svg = svg[: svg.index("</svg>")]
        own = set(re.findall(r'\sid="([^"]+)"', svg))
        references = re.findall(r'url\(#([^)]+)\)|href="#([^"]+)"', svg)
        assert references and all((a or b) in own for a, b in references)


def test_a_diagram_without_foreign_ids_is_unchanged():
    svg = (
        '<svg id="mermaid-ccc"><style>#mermaid-ccc .node{fill:#fff}</style><g id="mermaid-ccc_edges"/>'
        '<title id="chart-title-mermaid-ccc">A</title></svg>'
    )
    assert scope_ids(svg) == svg


def test_an_element_found_by_the_start_of_its_id_is_still_found():
    svg = scope_ids('<svg id="mermaid-ddd"><style>[id^=entity] rect{fill:red}</style><g id="entity-USERS-0"/></svg>')
    assert 'id="entity-USERS-0-mermaid-ddd"' in svg and "[id^=entity] rect{fill:red}" in svg
