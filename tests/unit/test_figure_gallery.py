"""The gallery reads each page's figures from its Markdown (captions with ids, figure() calls, their order and
kind) and shows them as cards: a thumbnail drawn light and dark, the number, the caption, the kind."""

from __future__ import annotations

import re
from collections import Counter
from types import SimpleNamespace

from handbook.content.placements import PageInfo
from handbook.rendering.figure_gallery import (
    FILTER_SLOT,
    SLOT,
    Thumbnail,
    page_figures,
    render_cards,
    render_filter,
    render_gallery,
)

PAGE = """---
description: A page.
---
# Caching

```mermaid
---
config:
  sequence: {width: 120}
---
sequenceDiagram
    A->>B: hi
```
/// caption
    attrs: {id: figure-hello}
Hello, see [the RFC](https://example.com)[^1], with `code`.
///

{{ figure("cache-aside") }}

!!! note "Folded"

    ```mermaid
    flowchart LR
        A --> B
    ```
    /// caption
        attrs: {id: figure-inside}
    A figure in an admonition,
    on two lines.
    ///

```markdown
/// caption
    attrs: {id: figure-example-only}
An example in a code block is no figure.
///
```

{{ figure("latency", caption="Given here") }}

```mermaid
%%{init: {"flowchart": {"curve": "linear"}}}%%
stateDiagram-v2
    [*] --> A
```
/// caption
    attrs: {id: figure-directive}
A block that opens with a directive.
///

/// caption
No id: not numbered.
///
"""

FIGURES = {
    "cache-aside": SimpleNamespace(name="cache-aside", caption="Cache-aside", inline=False),
    "latency": SimpleNamespace(name="latency", caption="Latency", inline=True),
}


def _page(markdown: str) -> PageInfo:
    return PageInfo("data/caching.md", "data/caching/", "Caching", ("Data at scale",), 3, markdown, {}, True, False)


def test_figures_are_read_in_page_order_with_their_caption_and_kind():
    found = [(f.number, f.ident, f.caption, f.kind, f.name) for f in page_figures(_page(PAGE), FIGURES)]
    assert found == [
        (1, "figure-hello", "Hello, see the RFC, with `code`.", "sequence diagram", None),
        (2, "figure-cache-aside", "Cache-aside", "architecture diagram", "cache-aside"),
        (3, "figure-inside", "A figure in an admonition, on two lines.", "flowchart", None),
        (4, "figure-latency", "Given here", "chart", "latency"),
        (5, "figure-directive", "A block that opens with a directive.", "state diagram", None),
    ]


def test_the_gallery_is_grouped_by_section_and_page_with_a_slot_for_each_page_and_the_filter():
    other = PageInfo("api/rest.md", "api/rest/", "REST", ("API design",), 9, PAGE, {}, True, False)
    entries = page_figures(_page(PAGE), FIGURES) + page_figures(other, FIGURES)
    markdown = render_gallery(entries, lambda page: "../../" + page.src_uri)
    assert "10 figures on 2 pages" in markdown
    lines = [line for line in markdown.splitlines() if line]
    assert lines[1:] == [
        SLOT.format(FILTER_SLOT),
        "## Data at scale",
        "### [Caching](../../data/caching.md)",
        SLOT.format("data/caching.md"),
        "## API design",
        "### [REST](../../api/rest.md)",
        SLOT.format("api/rest.md"),
    ]


def test_a_card_links_its_thumbnail_and_caption_to_the_figure_and_shows_it_in_either_scheme():
    entries = page_figures(_page(PAGE), FIGURES)
    thumbnails = {"figure-hello": Thumbnail("assets/figures/mermaid/abc.svg", 512.5, 479, 'A "hello" exchange')}
    html = render_cards(
        entries,
        {"figure-hello": "sequence diagram"},
        thumbnails,
        lambda page: "../../" + page.url,
        lambda src: "../../" + src,
    )
    cards = re.findall(r'<li class="hb-gallery__card" data-kind="([^"]+)">(.*?)</li>', html)
    assert [kind for kind, _ in cards] == [
        "sequence diagram",
        "architecture diagram",
        "flowchart",
        "chart",
        "state diagram",
    ]
    first = cards[0][1]
    assert '<a href="../../data/caching/#figure-hello">' in first
    images = re.findall(r'<img class="hb-gallery__(light|dark)" src="([^"]+)"([^>]*)>', first)
    assert [(scheme, src) for scheme, src, _ in images] == [
        ("light", "../../assets/figures/mermaid/abc.svg"),
        ("dark", "../../assets/figures/mermaid/abc.svg#dark"),
    ]
    assert all(
        ' alt="A &quot;hello&quot; exchange" width="512" height="479" loading="lazy"' in rest for *_, rest in images
    )
    assert "<strong>Figure 1.</strong>" in first and "<code>code</code>" in first  # the caption's Markdown
    assert "<img" not in cards[2][1], "a figure without a file shows an empty frame, not a broken image"


def test_the_filter_offers_each_kind_with_its_count_most_common_first():
    html = render_filter(Counter({"flowchart": 3, "chart": 1, "sequence diagram": 2}))
    kinds = re.findall(r'data-kind="([^"]*)" aria-pressed="(\w+)">[^<]*<span class="hb-gallery__count">(\d+)', html)
    assert kinds == [
        ("", "true", "6"),
        ("flowchart", "false", "3"),
        ("sequence diagram", "false", "2"),
        ("chart", "false", "1"),
    ]
    assert '<div class="hb-gallery__filter" hidden>' in html  # shown by its script only
