"""Render every `figures/*.py` script to SVG in a cache folder, in parallel, skipping unchanged figures.

Each script is drawn twice, for the two columns a page shows it in (SCREENS): wide for a laptop, in the script's
own direction unless its smallest text would then show below 11 px, and narrow for a phone, stacked top to
bottom unless left to right is narrower. Both get the dark style of architecture_theme (`figure.svg#dark`).

The cache key covers the script text, this renderer, the `diagrams` package version and Graphviz's version,
so a figure is re-rendered exactly when something that shapes its output changed.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
from dataclasses import dataclass
from functools import lru_cache
from importlib import metadata
from pathlib import Path

from handbook.errors import FigureError
from handbook.figures.architecture_script import ICON_CACHE
from handbook.figures.architecture_theme import themed
from handbook.figures.batch import render_each
from handbook.figures.fork_server import ForkServer, failure

RUNNER = Path(__file__).with_name("architecture_script.py")
THEME = Path(__file__).with_name("architecture_theme.py")
SERVER = Path(__file__).with_name("fork_server.py")
RUNNER_MODULE = "handbook.figures.architecture_script"
SIZE_KEYS = ("width", "height", "smallest_text", "direction")
INSTALL_GRAPHVIZ = "Graphviz is not installed (no `dot` on PATH): run `make build`, or `sudo apt-get install graphviz`"


@dataclass(frozen=True)
class Figure:
    name: str
    svg: Path
    title: str
    alt: str
    caption: str
    width: int  # CSS px the page gives it (page_size): its own size, or less for one taller than a laptop's window
    height: int
    rendered: bool  # False when it came from the cache
    inline: bool = False  # True for a chart: its SVG goes into the page, so its colours follow the scheme toggle
    narrow: Path | None = None  # the same figure laid out for a phone's column, when it has one
    narrow_width: int = 0
    narrow_height: int = 0


@dataclass(frozen=True)
class Screen:
    """A column a figure is shown in, and the smallest its text may be shown there (CSS px)."""

    variant: str  # the runner's layout for it
    column: int
    smallest: float
    directions: tuple[str, ...]  # tried in turn until one fits; "-" is the script's own


SCREENS = (
    Screen("wide", column=690, smallest=11, directions=("-", "TB")),  # a laptop's content column at 1280x900
    Screen("narrow", column=390, smallest=9, directions=("TB", "LR")),  # a phone at 390x844: the figure bleeds
)


TALLEST = 760  # CSS px: a figure this tall fits a 1280x900 laptop's window under Material's header and tabs


def shown_text(meta: dict, column: int) -> float:
    """The smallest text of a rendered variant as shown in `column` (a figure shrinks to fit, never grows)."""
    return meta["smallest_text"] * min(1.0, column / meta["width"])


def page_size(meta: dict, screen: Screen) -> tuple[int, int]:
    """The size the page gives a variant: its own, or smaller for a figure taller than a laptop's window, as
    far as its smallest text stays half a pixel above the screen's minimum (a stacked figure scrolls less)."""
    width, height = meta["width"], meta["height"]
    fit = min(1.0, screen.column / width)
    if height * fit <= TALLEST:
        return width, height
    scale = max(TALLEST / (height * fit), (screen.smallest + 0.5) / shown_text(meta, screen.column))
    return (width, height) if scale >= 1 else (round(width * scale), round(height * scale))


@lru_cache(maxsize=1)
def _toolchain_fingerprint() -> str:
    dot = shutil.which("dot")
    if dot is None:
        raise FigureError(INSTALL_GRAPHVIZ)
    graphviz = subprocess.run([dot, "-V"], capture_output=True, text=True, check=False).stderr.strip()
    versions = f"diagrams {metadata.version('diagrams')}, pillow {metadata.version('pillow')}"
    renderer = b"".join(path.read_bytes() for path in (RUNNER, THEME, SERVER, Path(__file__)))
    return f"{versions}\n{graphviz}\n{renderer.hex()}"


def cache_key(script: Path) -> str:
    digest = hashlib.sha256(_toolchain_fingerprint().encode())
    digest.update(script.read_bytes())
    return digest.hexdigest()[:20]


def _paths(cache_dir: Path, name: str, key: str) -> tuple[Path, Path, Path]:
    stem = f"{name}.{key}"
    return cache_dir / f"{stem}.svg", cache_dir / f"{stem}.narrow.svg", cache_dir / f"{stem}.json"


def _load(name: str, cache_dir: Path, key: str, rendered: bool) -> Figure:
    svg, narrow, meta_path = _paths(cache_dir, name, key)
    meta = json.loads(meta_path.read_text(encoding="utf-8"))
    (width, height), (narrow_width, narrow_height) = (page_size(meta[s.variant], s) for s in SCREENS)
    return Figure(
        name,
        svg,
        meta["title"],
        meta["alt"],
        meta["caption"],
        width,
        height,
        rendered,
        narrow=narrow,
        narrow_width=narrow_width,
        narrow_height=narrow_height,
    )


def _run(server: ForkServer, script: Path, work: Path, display: str, variant: str, direction: str) -> tuple[str, dict]:
    out = work / f"{variant}-{direction.replace('-', 'own')}"
    code, stderr = server.run(
        [RUNNER.name, str(script.resolve()), f"{out}.svg", f"{out}.json", display, variant, direction],
        cwd=work,
        env={ICON_CACHE: str(work.parent / "icons")},  # beside the figures: shrunk once for all
    )
    if code != 0:
        raise FigureError(failure(code, stderr, display))
    return Path(f"{out}.svg").read_text(encoding="utf-8"), json.loads(Path(f"{out}.json").read_text(encoding="utf-8"))


def _layout_for(server: ForkServer, script: Path, work: Path, display: str, screen: Screen) -> tuple[str, dict]:
    """The first direction whose layout is legible in the screen's column, else the most legible one."""
    tried = []
    for direction in screen.directions:
        if direction in {meta["direction"] for _, _, meta in tried}:
            continue  # the script's own direction was this one
        svg, meta = _run(server, script, work, display, screen.variant, direction)
        if shown_text(meta, screen.column) >= screen.smallest:
            return svg, meta
        tried.append((shown_text(meta, screen.column), svg, meta))
    _, svg, meta = max(tried, key=lambda found: found[0])
    return svg, meta


def render_one(script: Path, cache_dir: Path, display: str, server: ForkServer | None = None) -> Figure:
    """The figure's cached render, or a new one drawn by `server` (one of its own when None)."""
    if server is None:
        with ForkServer(RUNNER_MODULE) as own:
            return render_one(script, cache_dir, display, own)
    name = script.stem
    key = cache_key(script)
    svg_path, narrow_path, meta_path = _paths(cache_dir, name, key)
    if all(path.exists() for path in (svg_path, narrow_path, meta_path)):
        return _load(name, cache_dir, key, rendered=False)
    work = cache_dir / f".tmp-{name}-{os.getpid()}-{id(script)}"
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir(parents=True)
    try:
        drawn = {screen.variant: _layout_for(server, script, work, display, screen) for screen in SCREENS}
        (wide_svg, wide), (narrow_svg, narrow) = drawn["wide"], drawn["narrow"]
        meta = {key: wide[key] for key in ("title", "alt", "caption")}
        meta.update(wide={k: wide[k] for k in SIZE_KEYS}, narrow={k: narrow[k] for k in SIZE_KEYS})
        for text, path in ((themed(wide_svg, display), "figure.svg"), (themed(narrow_svg, display), "narrow.svg")):
            (work / path).write_text(text, encoding="utf-8")
        (work / "figure.json").write_text(json.dumps(meta, indent=1, sort_keys=True), encoding="utf-8")
        # Rename is atomic, so a concurrent build never sees half a figure; the JSON, written last, marks it whole.
        (work / "figure.svg").replace(svg_path)
        (work / "narrow.svg").replace(narrow_path)
        (work / "figure.json").replace(meta_path)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    for stale in cache_dir.glob(f"{name}.*"):
        if not stale.name.startswith(f"{name}.{key}."):
            stale.unlink(missing_ok=True)
    return _load(name, cache_dir, key, rendered=True)


def render_all(scripts_dir: Path, cache_dir: Path, root: Path | None = None, jobs: int | None = None) -> list[Figure]:
    """Render (or reuse) every figure; raise FigureError listing every failing script."""
    scripts = sorted(p for p in scripts_dir.glob("*.py") if not p.name.startswith("_"))
    if not scripts:
        return []
    _toolchain_fingerprint()  # fail once, clearly, when Graphviz is missing
    cache_dir.mkdir(parents=True, exist_ok=True)
    root = root or scripts_dir.parent

    def display(script: Path) -> str:
        return script.relative_to(root).as_posix() if script.is_relative_to(root) else str(script)

    # One server for the batch: `diagrams` and Pillow are imported once, and only when a figure is not cached.
    with ForkServer(RUNNER_MODULE) as server:
        return render_each(scripts, lambda script: render_one(script, cache_dir, display(script), server), jobs)
