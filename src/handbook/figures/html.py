"""A rendered figure as a page shows it: `<figure>` with alt text, caption and intrinsic size.

An architecture figure is an `<img>` of its published SVG. A chart's SVG goes into the page itself (so its
colours follow Material's light/dark toggle, which an `<img>` cannot): the macro leaves a placeholder, and
`place_charts` swaps in the SVG once the page is finished, keeping its markup out of the search index and
out of the other hooks' work.
"""

from __future__ import annotations

import posixpath
import re
from html import escape

from handbook.figures.architecture import Figure

SITE_FOLDER = "figures"  # where the SVGs are published in the site


def site_path(name: str) -> str:
    return f"{SITE_FOLDER}/{name}.svg"


_CHART_SLOT = re.compile(r'<div class="hb-chart__slot" data-chart="([\w.-]+)"></div>')


def figure_html(figure: Figure, page_url: str, caption: str | None = None) -> str:
    """A `<figure>` with alt text, caption and intrinsic size (no layout shift), linked relative to the page."""
    name = figure.name
    if figure.inline:
        return (
            f'<figure class="hb-figure hb-chart" id="figure-{name}" data-figure-id="{name}">'
            f'<div class="hb-chart__slot" data-chart="{name}"></div>'
            f"<figcaption>{escape(caption or figure.caption)}</figcaption></figure>"
        )
    page_dir = posixpath.dirname(page_url.rstrip("/")) if not page_url.endswith("/") else page_url.rstrip("/")
    src = posixpath.relpath(site_path(name), page_dir or ".")
    return (
        f'<figure class="hb-figure" id="figure-{name}" data-figure-id="{name}">'
        f'<a href="{src}" class="hb-figure__link" title="Open the figure on its own">'
        f'<img src="{src}" alt="{escape(figure.alt)}" width="{figure.width}" height="{figure.height}" '
        f'loading="lazy" decoding="async"></a>'
        f"<figcaption>{escape(caption or figure.caption)}</figcaption></figure>"
    )


def place_charts(output: str, figures: dict[str, Figure]) -> str:
    """The finished page with each chart placeholder replaced by the chart's inline SVG (alt text included)."""
    if "hb-chart__slot" not in output:
        return output
    return _CHART_SLOT.sub(lambda m: figures[m.group(1)].svg.read_text(encoding="utf-8"), output)
