"""The figure gallery: every figure of the handbook, grouped by nav section and page, each with its number,
its caption and its kind, linking to its place in its page.

It is read from the pages' Markdown (the placements), never kept by hand: a Mermaid figure is a `/// caption`
block with `attrs: {id: figure-…}` after its fence, an architecture figure or a chart is a
`{{ figure("…") }}` call. A page's figures are numbered in the order they appear, as
`handbook/rendering/figure_numbers.py` numbers them in the built page.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from handbook.content.placements import PageInfo

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


@dataclass(frozen=True)
class GalleryFigure:
    page: PageInfo
    number: int  # its number on its page ("Figure 3.")
    ident: str  # the id of its <figure>, `figure-…`
    caption: str  # Markdown, without links (the whole line links to the figure)
    kind: str  # "sequence diagram", "architecture diagram", "chart", …


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
    words = body.split()
    return KINDS.get(words[0], words[0]) if words else "figure"


def _plain(caption: str) -> str:
    return " ".join(_MARKDOWN_LINK.sub(lambda m: m.group(1) or "", caption).split())


def page_figures(page: PageInfo, figures: dict) -> list[GalleryFigure]:
    """The figures of one page in reading order; `figures` maps a figure() name to its rendered Figure."""
    fences = _fences(page.markdown)
    inside = [(start, end) for start, end, _ in fences]
    found: list[tuple[int, str, str, str]] = []  # position, id, caption, kind
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
        found.append((match.start(), ident.group(1), _plain(" ".join(text)), kind))
    for match in _CALL.finditer(page.markdown):
        figure = figures.get(match.group("name"))
        if figure is None:
            continue  # the figure() macro reports the unknown name on this page
        given = _CALL_CAPTION.match(match.group("rest"))
        caption = given.group("caption") if given else figure.caption
        kind = "chart" if figure.inline else "architecture diagram"
        found.append((match.start(), f"figure-{figure.name}", _plain(caption), kind))
    found.sort()
    return [GalleryFigure(page, n, ident, caption, kind) for n, (_, ident, caption, kind) in enumerate(found, 1)]


def gallery_figures(pages: list[PageInfo], figures: dict) -> list[GalleryFigure]:
    """Every figure of the pages in the nav, in reading order."""
    return [figure for page in pages if page.in_nav for figure in page_figures(page, figures)]


def render_gallery(entries: list[GalleryFigure], link) -> str:
    """Markdown: a heading per nav section, one per page, and a line per figure; `link(page)` is the page's
    relative link from the gallery."""
    pages = {entry.page.src_uri: entry.page for entry in entries}
    lines = [
        f"{len(entries)} figures on {len(pages)} pages. Each links to its place in its page; the search box "
        "finds them by their captions.",
        "",
    ]
    section = page_uri = None
    for entry in entries:
        if entry.page.section != section:
            section = entry.page.section
            lines += [f"## {section}", ""]
        if entry.page.src_uri != page_uri:
            page_uri = entry.page.src_uri
            lines += ["", f"### [{entry.page.title}]({link(entry.page)})", ""]
        lines.append(
            f"- **Figure {entry.number}.** [{entry.caption}]({link(entry.page)}#{entry.ident})"
            f' <span class="hb-gallery__kind">{entry.kind}</span>'
        )
    return "\n".join(lines) + "\n"
