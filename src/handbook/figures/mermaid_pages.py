"""Replace each ```mermaid block of a page with its SVG, rendered at build time in headless Chromium.

Rendering happens once per distinct diagram (cached by content). Invalid diagrams stop the build, each named by
page, the line of its block and Mermaid's message. The SVG is placed only in the finished page (`place`), which
keeps its markup and labels out of the search index and out of the other hooks' work.

Chromium is driven from a worker process (handbook.figures.mermaid_process): `prefetch` sends it every block of
the pages' Markdown when the build starts, in the order the pages are written (handbook.figures.mermaid_queue),
so diagrams render while the figures render and while Markdown is converted. A page leaves a placeholder for
each figure and waits for its own diagrams only when it is written (`place`, `on_post_page`): the first pages
are written while the last ones' diagrams are drawn. A block the prefetch did not see (one a macro writes) is
sent when its page asks for it, ahead of the others. A diagram already in the cache starts no process.

Each numbered figure (a block inside `<figure id="figure-…">`) also gets a file of its own, drawn light, and dark
as `file.svg#dark` (handbook.figures.scheme_files), made when its page is written and cached beside the SVG
(keyed by it, the code that makes it and the palette); `published` puts them into the site for the figure
gallery, which is built last because it waits for every diagram.
"""

from __future__ import annotations

import hashlib
import html
import json
import re
import shutil
from collections.abc import Iterable
from concurrent.futures import Future
from dataclasses import dataclass
from pathlib import Path

from mkdocs.exceptions import PluginError

from handbook.errors import FigureError, MermaidError
from handbook.figures import material_palette, mermaid_svg, scheme_files
from handbook.figures.material_palette import scheme_values
from handbook.figures.mermaid import MermaidRenderer, material_theme_css
from handbook.figures.mermaid_process import MermaidProcess, figure_file
from handbook.figures.mermaid_queue import DrawQueue
from handbook.figures.scheme_files import scheme_file
from handbook.project import Project, write_whole

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
    cached: Path  # the file in the build cache


@dataclass(frozen=True)
class _Asked:
    """A figure of a page, until its diagram is drawn."""

    page: object  # the MkDocs page, to name the line of a diagram that does not render
    source: str
    svg: Future[Path]  # the cached file of its page-ready SVG
    figure_id: str | None  # the numbered figure it is in (`figure-…`), if any


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
    """The Mermaid figures of one build: asked for in `render_page` (ahead of time after `prefetch`), waited for
    and placed page by page in `place`, published for the gallery in `published`, the workers stopped in `close`."""

    def __init__(self, project: Project) -> None:
        self.project = project
        self._renderer: MermaidRenderer | None = None  # for cache keys only: the worker process draws
        self._worker: MermaidProcess | None = None  # made in prefetch_pages; its process starts on a first diagram
        self._queue: DrawQueue | None = None
        self._settings: dict | None = None
        # source -> the cached file of its page-ready SVG, rendered in order of asking
        self._svgs: dict[str, Future[Path]] = {}
        self._asked: dict[str, list[_Asked]] = {}  # page -> its figures, until `collect`
        self._pending: dict[str, list[str]] = {}  # page -> its rendered figures, until `place`
        self.files: dict[tuple[str, str], FigureFile] = {}  # (page, figure id) -> its file, once published
        self._published = False
        self._closed = False

    @property
    def drawn(self) -> list[float]:
        """Seconds the workers took for each diagram they drew in this build (none when all were cached)."""
        return self._worker.drawn if self._worker is not None else []

    def prefetch(self, sources: Iterable[str]) -> None:
        """Send these diagrams to the workers, in this order; `collect` waits for them."""
        for source in sources:
            self._svg(source)

    def prefetch_pages(self, files, config) -> None:
        """`prefetch` every fenced diagram of the build's pages, in the order MkDocs converts them."""
        self._start_worker(config)
        for file in files.documentation_pages():
            try:
                self.prefetch(fenced_sources(file.content_string))
            except (OSError, UnicodeDecodeError):
                continue  # the build reports an unreadable page where it reads it (on_nav)

    def _start_worker(self, config) -> None:
        """The worker process (handbook.figures.mermaid_process), started by its first diagram."""
        if self._worker is None:
            settings = self._file_settings(config)
            self._worker = MermaidProcess(self.project.cache("mermaid"), self.project.node_modules, settings)
            self._queue = DrawQueue(self._worker)

    def _svg(self, source: str, late: bool = False) -> Future[Path]:
        """The page-ready SVG's cached file, drawn if it is not there; a diagram asked for `late` (by its page, not
        by `prefetch`) is drawn before those waiting."""
        if source not in self._svgs:
            if self._renderer is None:
                self._renderer = MermaidRenderer(self.project.cache("mermaid"), self.project.node_modules)
            cached = self.project.cache("mermaid") / f"{self._renderer.key(source)}.{_SVG_CODE}.page.svg"
            if cached.is_file():
                self._svgs[source] = done = Future()
                done.set_result(cached)
            else:
                cached.parent.mkdir(parents=True, exist_ok=True)
                self._svgs[source] = self._queue.submit(source, cached, first=late)
        return self._svgs[source]

    def render_page(self, content: str, page) -> str:
        """Leave a placeholder for every figure of a page's HTML, its diagram on its way (`collect` waits for it):
        the build goes on converting pages while the workers draw."""
        if '<pre class="mermaid">' not in content:
            return content
        figures = self._asked.setdefault(page.file.src_uri, [])

        def replace(match: re.Match) -> str:
            source = html.unescape(match.group(1))
            owner = _FIGURE_OPENED.search(content, max(0, match.start() - 300), match.start())
            figures.append(_Asked(page, source, self._svg(source, late=True), owner.group(1) if owner else None))
            return _PLACEHOLDER.format(len(figures) - 1)

        return BLOCK.sub(replace, content)

    def collect(self, page_src: str | None = None) -> None:
        """Wait for one page's diagrams (`place`), or every page's; stop the build naming each diagram that does
        not render, of every page once one does not."""
        chosen = list(self._asked) if page_src is None else [page_src] if page_src in self._asked else []
        if any(figure.svg.exception() is not None for src in chosen for figure in self._asked[src]):
            chosen = list(self._asked)  # every broken diagram is reported at once, not one per build
        problems = []
        for src in chosen:
            figures = self._pending.setdefault(src, [])
            for figure in self._asked.pop(src):
                try:
                    cached = figure.svg.result()
                except MermaidError as exc:
                    where = f"docs/{src}{_line_of(figure.page, figure.source)}"
                    problems.append(f"{where}: the Mermaid figure does not render: {exc}")
                    continue
                svg = cached.read_text(encoding="utf-8")
                figures.append(f'<div class="hb-mermaid">{svg}</div>')
                if figure.figure_id is not None:
                    try:
                        self.files[(src, figure.figure_id)] = self._own_file(
                            cached, svg, f"docs/{src}#{figure.figure_id}"
                        )
                    except FigureError as exc:
                        problems.append(str(exc))
        if problems:
            raise PluginError("\n".join(problems))

    def _file_settings(self, config) -> dict:
        """What a figure's own file needs (handbook.figures.scheme_files): each scheme's values of Material's
        variables, and the salt of the file's name (the code that makes it and those values)."""
        if self._settings is None:
            light, dark = material_palette.palettes(config.theme.get("palette"))
            names = set(re.findall(r"--md-[\w-]+", material_theme_css()))
            values = [scheme_values(light, names), scheme_values(dark, names)]
            salt = hashlib.sha256(json.dumps([_FILE_CODE, values], sort_keys=True).encode()).hexdigest()[:8]
            self._settings = {"light": values[0], "dark": values[1], "salt": salt}
        return self._settings

    def _own_file(self, page_ready: Path, svg: str, display: str) -> FigureFile:
        """A numbered figure's own file: the worker made it beside the page-ready SVG, or else (a figure whose
        file did not make it) it is made here, where a failure names the figure; `published` puts it into the
        site."""
        settings = self._settings
        cached = figure_file(page_ready, settings["salt"])
        try:
            head = cached.read_text(encoding="utf-8")[:2000]
        except FileNotFoundError:
            head = scheme_file(svg, settings["light"], settings["dark"], display).svg
            write_whole(cached, head)
        size = _SIZE.match(head)
        role, title = _ROLE.match(svg), _TITLE.search(svg, 0, 3000)
        return FigureFile(
            f"{SITE_FOLDER}/{cached.name.removesuffix('.file.svg')}.svg",
            float(size.group(1)),
            float(size.group(2)),
            role.group(1) if role else "",
            " ".join(html.unescape(title.group(1)).split()) if title else "",
            cached,
        )

    def published(self, config) -> dict[tuple[str, str], FigureFile]:
        """Wait for every diagram, and write each numbered figure's own file into the site (once): the figure
        gallery's cards show them."""
        if not self._published:
            self.collect()
            self._published = True
            for figure in self.files.values():
                target = Path(config.site_dir) / figure.site_path
                if not target.exists():
                    target.parent.mkdir(parents=True, exist_ok=True)
                    shutil.copyfile(figure.cached, target)
        return self.files

    def place(self, output: str, page) -> str:
        """The finished page with its diagrams in their places, once they are drawn (a page waits only for its
        own: the pages before it are written while the workers draw the ones after)."""
        self.collect(page.file.src_uri)
        for number, figure in enumerate(self._pending.pop(page.file.src_uri, [])):
            output = output.replace(_PLACEHOLDER.format(number), figure, 1)
        return output

    def close(self, failed: bool = False) -> None:
        """Stop the worker (at once when the build failed), once: a failed build may close again."""
        self._asked.clear()
        self._pending.clear()
        if self._closed:
            return
        self._closed = True
        self._svgs.clear()
        if self._queue is not None:
            self._queue.drop()
        if self._worker is not None:
            self._worker.cancel() if failed else self._worker.close()
