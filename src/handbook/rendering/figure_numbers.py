"""Number a page's figures in reading order ("Figure 3.") and let the text cite them by number.

Every figure with an id `figure-…` counts: the architecture figures (`{{ figure("…") }}`) and the Mermaid and
other blocks captioned with pymdownx's `/// caption` block and `attrs: {id: figure-…}`. A link in the text whose
words are just "Figure" and whose target is `#figure-…` on the same page becomes "Figure 3", so the prose and
the numbering cannot drift apart when a figure is added or moved.
"""

from __future__ import annotations

import re

_FIGURE = re.compile(r'<figure\b[^>]*\bid="(figure-[a-z0-9-]+)"[^>]*>')
_CAPTION = re.compile(r"<figcaption>(\s*(?:<p>)?)")
_CITATION = re.compile(r'(<a\b[^>]*\bhref="#(figure-[a-z0-9-]+)"[^>]*>)\s*[Ff]igure\s*(</a>)')


class FigureNumberError(ValueError):
    pass


def number_figures(html: str) -> str:
    """`html` with each figure's caption prefixed by its number and each "Figure" citation numbered."""
    numbers: dict[str, int] = {}
    pieces, position = [], 0
    for match in _FIGURE.finditer(html):
        ident = match.group(1)
        if ident in numbers:
            raise FigureNumberError(f'two figures have the id "{ident}": give each caption its own id')
        numbers[ident] = len(numbers) + 1
        caption = _CAPTION.search(html, match.end())
        if caption is None or html.find("</figure>", match.end()) < caption.start():
            continue  # a figure without a caption keeps its number for citations
        label = f'<span class="hb-figure__number">Figure {numbers[ident]}.</span> '
        pieces += [html[position : caption.end()], label]
        position = caption.end()
    html = "".join(pieces) + html[position:]

    def cite(match: re.Match) -> str:
        ident = match.group(2)
        if ident not in numbers:
            raise FigureNumberError(f'a "Figure" link points at #{ident}, which is no figure on this page')
        return f"{match.group(1)}Figure {numbers[ident]}{match.group(3)}"

    return _CITATION.sub(cite, html)
