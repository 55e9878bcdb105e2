"""A rendered figure as a page shows it: `<figure>` with alt text, caption and intrinsic size."""

from __future__ import annotations

import posixpath
from html import escape

from handbook.figures.architecture import Figure

SITE_FOLDER = "figures"  # where the SVGs are published in the site


def site_path(name: str) -> str:
    return f"{SITE_FOLDER}/{name}.svg"


def figure_html(figure: Figure, page_url: str, caption: str | None = None) -> str:
    """A `<figure>` with alt text, caption and intrinsic size (no layout shift), linked relative to the page."""
    name = figure.name
    page_dir = posixpath.dirname(page_url.rstrip("/")) if not page_url.endswith("/") else page_url.rstrip("/")
    src = posixpath.relpath(site_path(name), page_dir or ".")
    return (
        f'<figure class="hb-figure" id="figure-{name}" data-figure-id="{name}">'
        f'<a href="{src}" class="hb-figure__link" title="Open the figure on its own">'
        f'<img src="{src}" alt="{escape(figure.alt)}" width="{figure.width}" height="{figure.height}" '
        f'loading="lazy" decoding="async"></a>'
        f"<figcaption>{escape(caption or figure.caption)}</figcaption></figure>"
    )
