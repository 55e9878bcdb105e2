"""Replace each ```mermaid block of a page with its SVG, rendered at build time in one Chromium per build.

Rendering happens once per distinct diagram (cached by content). An invalid diagram stops the build with the
page, the line of the block and Mermaid's message. The SVG is placed only in the finished page
(`place`), which keeps its markup and labels out of the search index and out of the other hooks' work.

Chromium runs on a thread of its own: `prefetch` hands it every block of the pages' Markdown when the build
starts, so diagrams render while the figures render and while Markdown is converted (on the other core), and a
page finds its diagrams ready. A block the prefetch did not see (one a macro writes) is rendered on demand by
the same thread and browser.
"""

from __future__ import annotations

import hashlib
import html
import os
import re
from collections.abc import Iterable
from concurrent.futures import Future, ThreadPoolExecutor
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


_FENCE = re.compile(
    r"^(?P<indent>[ \t]*)(?P<fence>`{3,}|~{3,})[ \t]*mermaid[ \t]*\n(?P<body>.*?)^(?P=indent)(?P=fence)[ \t]*$",
    re.M | re.S,
)


def fenced_sources(markdown: str) -> list[str]:
    """The source of each ```mermaid fence of a page's Markdown, as the page's HTML will carry it (the fence's
    indentation removed, without the last line break)."""
    found = []
    for match in _FENCE.finditer(markdown):
        indent = len(match["indent"])
        lines = match["body"].splitlines(keepends=True)
        found.append("".join(line[indent:] for line in lines).removesuffix("\n"))
    return found


class MermaidFigures:
    """The Mermaid figures of one build: rendered in `render_page` (ahead of time after `prefetch`), placed in
    `place`, Chromium closed in `close`. Only the worker thread touches the renderer (Playwright's sync API
    belongs to the thread that started it)."""

    def __init__(self, project: Project) -> None:
        self.project = project
        self._renderer: MermaidRenderer | None = None
        self._worker = ThreadPoolExecutor(max_workers=1, thread_name_prefix="mermaid")
        self._svgs: dict[str, Future[str]] = {}  # source -> its page-ready SVG, rendered in order of asking
        self._pending: dict[str, list[str]] = {}  # page -> its rendered figures, until `place`
        self._closed = False

    def prefetch(self, sources: Iterable[str]) -> None:
        """Start rendering these diagrams on the worker thread, in this order; `render_page` waits for each."""
        for source in sources:
            self._svg(source)

    def prefetch_pages(self, files) -> None:
        """`prefetch` every fenced diagram of the build's pages, in the order MkDocs converts them."""
        for file in files.documentation_pages():
            try:
                self.prefetch(fenced_sources(file.content_string))
            except (OSError, UnicodeDecodeError):
                continue  # the build reports an unreadable page where it reads it (on_nav)

    def _svg(self, source: str) -> Future[str]:
        if source not in self._svgs:
            self._svgs[source] = self._worker.submit(self._page_ready, source)
        return self._svgs[source]

    def render_page(self, content: str, page) -> str:
        """Render (and so validate) every figure of a page's HTML now; leave a placeholder for each."""
        if '<pre class="mermaid">' not in content:
            return content
        figures = self._pending.setdefault(page.file.src_uri, [])

        def replace(match: re.Match) -> str:
            source = html.unescape(match.group(1))
            try:
                svg = self._svg(source).result()
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
        """Drop what is still queued, stop Chromium on its own thread, and end the thread (once: a failed build
        may close again)."""
        self._pending.clear()
        if self._closed:
            return
        self._closed = True
        for future in self._svgs.values():
            future.cancel()
        self._svgs.clear()
        self._worker.submit(self._close_renderer).result()
        self._worker.shutdown(wait=True)

    def _close_renderer(self) -> None:
        if self._renderer is not None:
            self._renderer.close()
            self._renderer = None
