"""The gallery reads each page's figures from its Markdown: captions with ids, figure() calls, their order and kind."""

from __future__ import annotations

from types import SimpleNamespace

from handbook.content.placements import PageInfo
from handbook.rendering.figure_gallery import page_figures, render_gallery

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
    found = [(f.number, f.ident, f.caption, f.kind) for f in page_figures(_page(PAGE), FIGURES)]
    assert found == [
        (1, "figure-hello", "Hello, see the RFC, with `code`.", "sequence diagram"),
        (2, "figure-cache-aside", "Cache-aside", "architecture diagram"),
        (3, "figure-inside", "A figure in an admonition, on two lines.", "flowchart"),
        (4, "figure-latency", "Given here", "chart"),
    ]


def test_the_gallery_is_grouped_by_section_and_page_and_links_each_figure():
    entries = page_figures(_page(PAGE), FIGURES)
    markdown = render_gallery(entries, lambda page: "../../" + page.src_uri)
    assert "## Data at scale" in markdown
    assert "### [Caching](../../data/caching.md)" in markdown
    assert "- **Figure 3.** [A figure in an admonition, on two lines.](../../data/caching.md#figure-inside)" in markdown
    assert markdown.count("- **Figure") == 4
