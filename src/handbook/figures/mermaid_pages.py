"""Replace each ```mermaid block of a page with its SVG, rendered at build time in one Chromium per build.

Rendering happens once per distinct diagram (cached by content). An invalid diagram stops the build with the
page, the line of the block and Mermaid's message. The SVG is placed only in the finished page
(`place`), which keeps its markup and labels out of the search index and out of the other hooks' work.

Chromium runs on a thread of its own: `prefetch` hands it every block of the pages' Markdown when the build
starts, so diagrams render while the figures render and while Markdown is converted (on the other core), and a
page finds its diagrams ready. A block the prefetch did not see (one a macro writes) is rendered on demand by
the same thread and browser.

Each numbered figure (a block inside `<figure id="figure-…">`) is also published as a file of its own, drawn
light, and dark as `file.svg#dark` (handbook.figures.scheme_files), for the figure gallery: `publish_files`, once
every page is rendered. The file is cached beside the SVG, keyed by it, the code that makes it and the palette.
"""

from __future__ import annotations

import hashlib
import html
import json
import os
import re
from collections.abc import Iterable
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File

from handbook.errors import FigureError, MermaidError
from handbook.figures import material_palette, mermaid_svg, scheme_files
from handbook.figures.material_palette import scheme_values
from handbook.figures.mermaid import MermaidRenderer, material_theme_css
from handbook.figures.mermaid_svg import move_style_attributes
from handbook.figures.scheme_files import scheme_file
from handbook.project import Project

BLOCK = re.compile(r'<pre class="mermaid"><code>(.*?)</code></pre>', re.S)
_PLACEHOLDER = '<div class="hb-mermaid" data-mermaid-figure="{}"></div>'
# The page-ready file depends on how style attributes are moved: a change there renders nothing but re-moves.
_SVG_CODE = hashlib.sha256(Path(mermaid_svg.__file__).read_bytes()).hexdigest()[:8]
_FILE_CODE = hashlib.sha256(
    b"".join(Path(m.__file__).read_bytes() for m in (scheme_files, material_palette))
).hexdigest()[:8]
SITE_FOLDER = "assets/figures/mermaid"  # where the figures' own files are published
_FIGURE_OPENED = re.compile(r'<figure\b[^>]*\bid="(figure-[a-z0-9-]+)"[^>]*>\s*$')
_ROLE = re.compile(r'<svg\b[^>]*\saria-roledescription="([^"]+)"')
_SIZE = re.compile(r'<svg\b[^>]*\swidth="([\d.]+)" height="([\d.]+)"')
_TITLE = re.compile(r"<title\b[^>]*>(.*?)</title>", re.S)


@dataclass(frozen=True)
class FigureFile:
    """A numbered Mermaid figure's own file in the site, as the gallery shows it."""

    site_path: str  # relative to the site root
    width: float
    height: float
    role: str  # Mermaid's name for the diagram type: "sequence", "flowchart-v2", "stateDiagram", …
    title: str  # its accTitle, as text ("" when it has none)


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
        # source -> its page-ready SVG and that SVG's cached file, rendered in order of asking
        self._svgs: dict[str, Future[tuple[str, Path]]] = {}
        self._pending: dict[str, list[str]] = {}  # page -> its rendered figures, until `place`
        # (page, figure id) -> its page-ready SVG's cached file, type and title
        self._numbered: dict[tuple[str, str], tuple[Path, str, str]] = {}
        self.files: dict[tuple[str, str], FigureFile] = {}  # (page, figure id) -> its file, once published
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

    def _svg(self, source: str) -> Future[tuple[str, Path]]:
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
                svg, cached = self._svg(source).result()
            except MermaidError as exc:
                where = f"docs/{page.file.src_uri}{_line_of(page, source)}"
                raise PluginError(f"{where}: the Mermaid figure does not render: {exc}") from None
            figures.append(f'<div class="hb-mermaid">{svg}</div>')
            owner = _FIGURE_OPENED.search(content, max(0, match.start() - 300), match.start())
            if owner is not None:
                role, title = _ROLE.match(svg), _TITLE.search(svg, 0, 3000)
                self._numbered[(page.file.src_uri, owner.group(1))] = (
                    cached,
                    role.group(1) if role else "",
                    " ".join(html.unescape(title.group(1)).split()) if title else "",
                )
            return _PLACEHOLDER.format(len(figures) - 1)

        return BLOCK.sub(replace, content)

    def _page_ready(self, source: str) -> tuple[str, Path]:
        """The SVG as pages carry it (style attributes moved into classes), cached beside Mermaid's own output,
        and the path of that cached copy."""
        if self._renderer is None:
            self._renderer = MermaidRenderer(self.project.cache("mermaid"), self.project.node_modules)
        cached = self.project.cache("mermaid") / f"{self._renderer.key(source)}.{_SVG_CODE}.page.svg"
        try:
            return cached.read_text(encoding="utf-8"), cached
        except FileNotFoundError:
            svg = move_style_attributes(self._renderer.render(source))
            _write(cached, svg)
            return svg, cached

    def publish_files(self, config, files) -> None:
        """Add each numbered figure's own file to the site (`on_env`: every page is rendered by then)."""
        light, dark = material_palette.palettes(config.theme.get("palette"))
        names = set(re.findall(r"--md-[\w-]+", material_theme_css()))
        values = {p.scheme: scheme_values(p, names) for p in (light, dark)}
        salt = hashlib.sha256(json.dumps([_FILE_CODE, values], sort_keys=True).encode()).hexdigest()[:8]
        published: set[str] = set()
        for (page_src, ident), (page_ready, role, title) in sorted(self._numbered.items()):
            name = hashlib.sha256(f"{page_ready.name} {salt}".encode()).hexdigest()[:20]
            cached = page_ready.with_name(f"{name}.file.svg")
            try:
                head = cached.read_text(encoding="utf-8")[:2000]
            except FileNotFoundError:
                display = f"docs/{page_src}#{ident}"
                svg = page_ready.read_text(encoding="utf-8")
                try:
                    made = scheme_file(svg, values[light.scheme], values[dark.scheme], display)
                except FigureError as exc:
                    raise PluginError(str(exc)) from None
                head = made.svg
                _write(cached, made.svg)
            size = _SIZE.match(head)
            site_path = f"{SITE_FOLDER}/{name}.svg"
            width, height = float(size.group(1)), float(size.group(2))
            self.files[(page_src, ident)] = FigureFile(site_path, width, height, role, title)
            if site_path not in published:
                published.add(site_path)
                files.append(File.generated(config, site_path, abs_src_path=str(cached)))

    def place(self, output: str, page) -> str:
        for number, figure in enumerate(self._pending.pop(page.file.src_uri, [])):
            output = output.replace(_PLACEHOLDER.format(number), figure, 1)
        return output

    def close(self) -> None:
        """Drop what is still queued, stop Chromium on its own thread, and end the thread (once: a failed build
        may close again)."""
        self._pending.clear()
        self._numbered.clear()
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


def _write(path: Path, text: str) -> None:
    """Write a cache file whole: another build sharing the cache never reads half of one."""
    partial = path.with_suffix(f".{os.getpid()}.tmp")
    partial.write_text(text, encoding="utf-8")
    partial.replace(path)
