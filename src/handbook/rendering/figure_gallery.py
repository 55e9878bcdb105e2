"""The figure gallery: every figure of the handbook as a thumbnail card, grouped by nav section and page, each
with its number, its caption and its kind, linking to its place in its page; a filter by kind and caption words.

It is read from the pages' Markdown (the placements), never kept by hand: a Mermaid figure is a `/// caption`
block with `attrs: {id: figure-…}` after its fence, an architecture figure or a chart is a
`{{ figure("…") }}` call. A page's figures are numbered in the order they appear, as
`handbook/rendering/figure_numbers.py` numbers them in the built page.

The headings are Markdown (so the page's table of contents lists them); the cards go in once every page is
rendered (`render_cards`, from `on_post_page`), since a Mermaid figure's file and type are known only then.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from html import escape

from handbook.content.placements import PageInfo
from handbook.rendering.safe_markdown import inline

_CAPTION = re.compile(r"^(?P<indent>[ \t]*)///[ \t]*caption[^\n]*\n(?P<body>.*?)^(?P=indent)///[ \t]*$", re.M | re.S)
_CALL = re.compile(r"""\{\{-?\s*figure\(\s*(?:name\s*=\s*)?(["'])(?P<name>[a-z0-9-]+)\1(?P<rest>[^}]*)\}\}""")
_CALL_CAPTION = re.compile(r"""^\s*,\s*(?:caption\s*=\s*)?(["'])(?P<caption>.*?)(?<!\\)\1""", re.S)
_ID = re.compile(r"\bid:\s*[\"']?(figure-[a-z0-9-]+)")
_FENCE = re.compile(r"^[ \t]*(`{3,}|~{3,})", re.M)
_MARKDOWN_LINK = re.compile(r"(?<!!)\[([^\]]+)\]\([^)]*\)|\[\^[^\]]+\]")

KINDS = {
    "flowchart": "flowchart",
    "graph": "flowchart",
    "sequenceDiagram": "sequence diagram",
    "stateDiagram": "state diagram",
    "stateDiagram-v2": "state diagram",
    "erDiagram": "ER diagram",
    "classDiagram": "class diagram",
    "timeline": "timeline",
    "gantt": "Gantt chart",
    "xychart-beta": "chart",
    "pie": "chart",
}
# A rendered Mermaid SVG names its type in `aria-roledescription`; it wins over the block's first word.
ROLES = {
    "flowchart-v2": "flowchart",
    "flowchart": "flowchart",
    "sequence": "sequence diagram",
    "stateDiagram": "state diagram",
    "er": "ER diagram",
    "class": "class diagram",
    "classDiagram": "class diagram",
    "timeline": "timeline",
    "gantt": "Gantt chart",
    "xychart": "chart",
    "pie": "chart",
}
SLOT = '<div class="hb-gallery__slot" data-gallery="{}"></div>'
FILTER_SLOT = "filter"


@dataclass(frozen=True)
class GalleryFigure:
    page: PageInfo
    number: int  # its number on its page ("Figure 3.")
    ident: str  # the id of its <figure>, `figure-…`
    caption: str  # Markdown, without links (the whole card links to the figure)
    kind: str  # "sequence diagram", "architecture diagram", "chart", …
    name: str | None = None  # the figure() name of an architecture figure or a chart


@dataclass(frozen=True)
class Thumbnail:
    """A figure's file as the gallery shows it: drawn light at `src`, dark at `src#dark`."""

    src: str  # relative to the site root
    width: float
    height: float
    alt: str  # a short title (the card's caption, beside it, says the rest)


def _fences(markdown: str) -> list[tuple[int, int, str]]:
    """(start, end, first line of content) of every fenced code block: a caption inside one is an example."""
    spans, open_at, marker = [], None, ""
    for match in _FENCE.finditer(markdown):
        if open_at is None:
            open_at, marker = match, match.group(1)
        elif match.group(1).startswith(marker[0]) and len(match.group(1)) >= len(marker):
            body = markdown[open_at.end() : match.start()]
            line_end = markdown.find("\n", match.end())
            spans.append((open_at.start(), len(markdown) if line_end < 0 else line_end, body))
            open_at = None
    return spans


def _diagram_kind(fence_body: str) -> str:
    """The kind of a Mermaid block from its first keyword (after its `---` front matter, if any)."""
    info, _, body = fence_body.partition("\n")
    if info.strip() != "mermaid":
        return "figure"
    body = re.sub(r"^\s*---\n.*?\n\s*---\n", "", body, count=1, flags=re.S)
    body = re.sub(r"^\s*%%.*$", "", body, flags=re.M)  # directives (`%%{init: …}%%`) and comments
    words = body.split()
    return KINDS.get(words[0], words[0]) if words else "figure"


def _plain(caption: str) -> str:
    return " ".join(_MARKDOWN_LINK.sub(lambda m: m.group(1) or "", caption).split())


def page_figures(page: PageInfo, figures: dict) -> list[GalleryFigure]:
    """The figures of one page in reading order; `figures` maps a figure() name to its rendered Figure."""
    fences = _fences(page.markdown)
    inside = [(start, end) for start, end, _ in fences]
    found: list[tuple[int, str, str, str, str | None]] = []  # position, id, caption, kind, figure() name
    for match in _CAPTION.finditer(page.markdown):
        if any(start <= match.start() < end for start, end in inside):
            continue
        options, text = [], []
        for line in match.group("body").splitlines():
            indent = len(line) - len(line.lstrip())
            (options if indent >= len(match.group("indent")) + 4 and not text else text).append(line)
        ident = _ID.search("\n".join(options))
        if ident is None:
            continue  # a caption without an id is not numbered
        before = [fence for fence in fences if fence[1] <= match.start()]
        fence = before[-1] if before else None
        gap = page.markdown[fence[1] : match.start()] if fence else "x"
        kind = _diagram_kind(fence[2]) if fence and not gap.strip() else "figure"
        found.append((match.start(), ident.group(1), _plain(" ".join(text)), kind, None))
    for match in _CALL.finditer(page.markdown):
        figure = figures.get(match.group("name"))
        if figure is None:
            continue  # the figure() macro reports the unknown name on this page
        given = _CALL_CAPTION.match(match.group("rest"))
        caption = given.group("caption") if given else figure.caption
        kind = "chart" if figure.inline else "architecture diagram"
        found.append((match.start(), f"figure-{figure.name}", _plain(caption), kind, figure.name))
    found.sort(key=lambda item: item[0])
    return [GalleryFigure(page, n, *rest) for n, (_, *rest) in enumerate(found, 1)]


def gallery_figures(pages: list[PageInfo], figures: dict) -> list[GalleryFigure]:
    """Every figure of the pages in the nav, in reading order."""
    return [figure for page in pages if page.in_nav for figure in page_figures(page, figures)]


def render_gallery(entries: list[GalleryFigure], link) -> str:
    """Markdown: the count, the filter's slot, a heading per nav section and one per page (`link(page)` is the
    page's relative link from the gallery), each page's heading followed by the slot of its cards."""
    pages = {entry.page.src_uri: entry.page for entry in entries}
    lines = [
        f"{len(entries)} figures on {len(pages)} pages. Each card leads to the figure in its page; the search box "
        "finds them by their captions too.",
        "",
        SLOT.format(FILTER_SLOT),
        "",
    ]
    section = None
    for uri, page in pages.items():
        if page.section != section:
            section = page.section
            lines += [f"## {section}", ""]
        lines += [f"### [{page.title}]({link(page)})", "", SLOT.format(escape(uri)), ""]
    return "\n".join(lines)


def render_filter(kinds: Counter) -> str:
    """The filter (figure-gallery.js shows it): words of the captions, and one toggle per kind with its count."""
    buttons = "".join(
        f'<button type="button" class="hb-gallery__kind-filter" data-kind="{escape(kind)}" aria-pressed="false">'
        f'{escape(kind)} <span class="hb-gallery__count">{count}</span></button>'
        for kind, count in sorted(kinds.items(), key=lambda item: (-item[1], item[0]))
    )
    total = sum(kinds.values())
    return (
        '<div class="hb-gallery__filter" hidden>'
        '<label class="hb-gallery__search"><span class="hb-sr-only">Filter the figures by caption</span>'
        '<input type="search" class="md-input" placeholder="Filter by caption or page" autocomplete="off"></label>'
        f'<div class="hb-gallery__kinds" role="group" aria-label="Kind of figure">'
        f'<button type="button" class="hb-gallery__kind-filter" data-kind="" aria-pressed="true">all '
        f'<span class="hb-gallery__count">{total}</span></button>{buttons}</div>'
        f'<p class="hb-gallery__status" role="status">{total} figures</p></div>'
    )


def _card(entry: GalleryFigure, kind: str, thumbnail: Thumbnail | None, href: str, src: str | None) -> str:
    if thumbnail is None or src is None:
        picture = '<span class="hb-gallery__thumb hb-gallery__thumb--none"></span>'
    else:
        size = f'width="{round(thumbnail.width)}" height="{round(thumbnail.height)}"'
        alt = escape(thumbnail.alt)
        picture = (
            '<span class="hb-gallery__thumb">'
            + "".join(
                f'<img class="hb-gallery__{scheme}" src="{src}{fragment}" alt="{alt}" {size} loading="lazy" '
                'decoding="async">'
                for scheme, fragment in (("light", ""), ("dark", "#dark"))
            )
            + "</span>"
        )
    return (
        f'<li class="hb-gallery__card" data-kind="{escape(kind)}"><a href="{href}#{entry.ident}">{picture}'
        f'<span class="hb-gallery__text"><strong>Figure {entry.number}.</strong> '
        f'<span class="hb-gallery__caption">{inline(entry.caption)}</span></span></a>'
        f'<span class="hb-gallery__kind">{escape(kind)}</span></li>'
    )


def render_cards(entries: list[GalleryFigure], kinds: dict, thumbnails: dict, page_link, file_link) -> str:
    """One page's figures as Material grid cards: thumbnail, number and caption, linked to the figure in its
    page, and its kind. `kinds` and `thumbnails` are keyed by figure id; `page_link(page)` and `file_link(src)`
    give URLs relative to the gallery."""
    cards = []
    for entry in entries:
        thumbnail = thumbnails.get(entry.ident)
        src = file_link(thumbnail.src) if thumbnail else None
        cards.append(_card(entry, kinds.get(entry.ident, entry.kind), thumbnail, page_link(entry.page), src))
    return f'<div class="grid cards hb-gallery__grid"><ul>{"".join(cards)}</ul></div>'
