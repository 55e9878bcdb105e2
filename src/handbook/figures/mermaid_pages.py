"""Replace each ```mermaid block of a page with its SVG, rendered at build time in one Chromium per build.

Rendering happens once per distinct diagram (cached by content). An invalid diagram stops the build with the
page, the line of the block and Mermaid's message. The SVG is placed only in the finished page
(`place`), which keeps its markup and labels out of the search index and out of the other hooks' work.
"""

from __future__ import annotations

import hashlib
import html
import os
import re
from pathlib import Path

from mkdocs.exceptions import PluginError

from handbook.errors import MermaidError
from handbook.figures import mermaid_svg
from handbook.figures.mermaid import MermaidRenderer
from handbook.figures.mermaid_svg import move_style_attributes
from handbook.project import Project

BLOCK = re.compile(r'<pre class="mermaid"><code>(.*?)</code></pre>', re.S)
_PLACEHOLDER = '<div class="hb-mermaid" data-mermaid-figure="{}"></div>'
# The page-ready file depends on how style attributes are moved: a change there renders nothing but re-moves.
_SVG_CODE = hashlib.sha256(Path(mermaid_svg.__file__).read_bytes()).hexdigest()[:8]


def _line_of(page, source: str) -> str:
    first = source.strip().splitlines()[0].strip()
    lines = page.file.content_string.splitlines()
    hits = [n for n, text in enumerate(lines, 1) if text.strip() == first and n > 1 and "mermaid" in lines[n - 2]]
    return f":{hits[0] - 1}" if hits else ""


class MermaidFigures:
    """The Mermaid figures of one build: rendered in `render_page`, placed in `place`, Chromium closed in `close`."""

    def __init__(self, project: Project) -> None:
        self.project = project
        self._renderer: MermaidRenderer | None = None
        self._pending: dict[str, list[str]] = {}  # page -> its rendered figures, until `place`

    def render_page(self, content: str, page) -> str:
        """Render (and so validate) every figure of a page's HTML now; leave a placeholder for each."""
        if '<pre class="mermaid">' not in content:
            return content
        figures = self._pending.setdefault(page.file.src_uri, [])

        def replace(match: re.Match) -> str:
            source = html.unescape(match.group(1))
            try:
                svg = self._page_ready(source)
            except MermaidError as exc:
                where = f"docs/{page.file.src_uri}{_line_of(page, source)}"
                raise PluginError(f"{where}: the Mermaid figure does not render: {exc}") from None
            figures.append(f'<div class="hb-mermaid">{svg}</div>')
            return _PLACEHOLDER.format(len(figures) - 1)

        return BLOCK.sub(replace, content)

    def _page_ready(self, source: str) -> str:
        """The SVG as pages carry it (style attributes moved into classes), cached beside Mermaid's own output."""
        if self._renderer is None:
            self._renderer = MermaidRenderer(self.project.cache("mermaid"), self.project.node_modules)
        cached = self.project.cache("mermaid") / f"{self._renderer.key(source)}.{_SVG_CODE}.page.svg"
        try:
            return cached.read_text(encoding="utf-8")
        except FileNotFoundError:
            svg = move_style_attributes(self._renderer.render(source))
            partial = cached.with_suffix(f".{os.getpid()}.tmp")
            partial.write_text(svg, encoding="utf-8")
            partial.replace(cached)
            return svg

    def place(self, output: str, page) -> str:
        for number, figure in enumerate(self._pending.pop(page.file.src_uri, [])):
            output = output.replace(_PLACEHOLDER.format(number), figure, 1)
        return output

    def close(self) -> None:
        self._pending.clear()
        if self._renderer is not None:
            self._renderer.close()
            self._renderer = None
