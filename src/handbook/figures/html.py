"""A rendered figure as a page shows it: `<figure>` with alt text, caption and intrinsic size.

An architecture figure is an `<img>` of its published SVG, in a `<picture>` whose `<source>` swaps in the layout
drawn for a phone's column. It is there twice: once as `figure.svg`, once as `figure.svg#dark`, which the SVG
draws in the dark (handbook.figures.architecture_theme); the stylesheet shows the one that matches Material's
scheme. The hidden one is never fetched (lazy and not rendered), and both name the same file. A chart's SVG goes into the page itself (so its
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


NARROW_SCREEN = "screen and (max-width: 44.9375em)"  # Material's phone layout; print keeps the wide figure


def site_path(name: str) -> str:
    return f"{SITE_FOLDER}/{name}.svg"


def narrow_site_path(name: str) -> str:
    return f"{SITE_FOLDER}/{name}.narrow.svg"


def chart_site_path(name: str) -> str:
    """A chart's own file (drawn light, and dark as `#dark`): pages show it inline, the figure gallery as a file."""
    return f"{SITE_FOLDER}/charts/{name}.svg"


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
    narrow = posixpath.relpath(narrow_site_path(name), page_dir or ".") if figure.narrow else None
    pictures = "".join(_picture(figure, src, narrow, scheme) for scheme in ("light", "dark"))
    return (
        f'<figure class="hb-figure" id="figure-{name}" data-figure-id="{name}">{pictures}'
        f"<figcaption>{escape(caption or figure.caption)}</figcaption></figure>"
    )


def _picture(figure: Figure, src: str, narrow: str | None, scheme: str) -> str:
    """One scheme's copy of the figure, linked to itself at full size in that scheme."""
    fragment = "#dark" if scheme == "dark" else ""
    source = (
        f'<source media="{NARROW_SCREEN}" srcset="{narrow}{fragment}" '
        f'width="{figure.narrow_width}" height="{figure.narrow_height}">'
        if narrow
        else ""
    )
    return (
        f'<a href="{src}{fragment}" class="hb-figure__link hb-figure__{scheme}" title="Open the figure on its own">'
        f"<picture>{source}"
        f'<img src="{src}{fragment}" alt="{escape(figure.alt)}" width="{figure.width}" height="{figure.height}" '
        f'loading="lazy" decoding="async"></picture></a>'
    )


def place_charts(output: str, figures: dict[str, Figure]) -> str:
    """The finished page with each chart placeholder replaced by the chart's inline SVG (alt text included)."""
    if "hb-chart__slot" not in output:
        return output
    return _CHART_SLOT.sub(lambda m: figures[m.group(1)].svg.read_text(encoding="utf-8"), output)
