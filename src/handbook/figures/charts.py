"""Render every `figures/charts/*.py` chart to an inline SVG in a cache folder, skipping unchanged charts.

A chart is keyed on everything that shapes it: its script, every file the script read when it was last rendered
(the examples and data files it draws from, the modules of this package it imports: the runner records them),
this renderer and matplotlib's version. A warm build reads the previous render's list of inputs, hashes them
again, and renders nothing when no input changed; a new input can only appear through a changed one.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
from contextlib import nullcontext
from functools import lru_cache
from importlib import metadata
from pathlib import Path

import handbook
from handbook.errors import FigureError
from handbook.figures.architecture import Figure
from handbook.figures.batch import render_each
from handbook.figures.chart_script import PACKAGE_PREFIX
from handbook.figures.fork_server import ForkServer, failure

FOLDER = "charts"  # under figures/: the architecture figures' glob is not recursive, so it never sees them
_RENDERER = [
    Path(__file__),
    *(Path(__file__).with_name(f"{n}.py") for n in ("chart_script", "chart_svg", "fork_server")),
]
RUNNER = "handbook.figures.chart_script"


@lru_cache(maxsize=1)
def _toolchain_fingerprint() -> str:
    try:
        versions = f"matplotlib {metadata.version('matplotlib')}, numpy {metadata.version('numpy')}"
    except metadata.PackageNotFoundError:
        raise FigureError("matplotlib is not installed: run `make build` (it installs requirements.txt)") from None
    return versions + "".join(path.read_bytes().hex() for path in _RENDERER)


def _input_path(root: Path, name: str) -> Path:
    """Where an input the runner recorded lives: `handbook/...` in this package, anything else under `root`."""
    if name.startswith(PACKAGE_PREFIX):
        return Path(handbook.__file__).resolve().parent / name.removeprefix(PACKAGE_PREFIX)
    return root / name


def cache_key(script: Path, root: Path, reads: list[str]) -> str:
    digest = hashlib.sha256(_toolchain_fingerprint().encode())
    digest.update(script.read_bytes())
    for relative in reads:
        path = _input_path(root, relative)
        digest.update(f"\0{relative}\0".encode())
        digest.update(path.read_bytes() if path.is_file() else b"(missing)")
    return digest.hexdigest()[:20]


def _load(name: str, svg: Path, rendered: bool) -> Figure:
    meta = json.loads(svg.with_suffix(".json").read_text(encoding="utf-8"))
    fields = ("title", "alt", "caption", "width", "height")
    return Figure(name, svg, *(meta[f] for f in fields), rendered=rendered, inline=True)


def _cached(script: Path, cache_dir: Path, root: Path) -> Path | None:
    """The render that is still valid, if any: the previous render's inputs hash to the same key."""
    for meta in cache_dir.glob(f"{script.stem}.*.json"):
        reads = json.loads(meta.read_text(encoding="utf-8")).get("reads", [])
        svg = cache_dir / f"{script.stem}.{cache_key(script, root, reads)}.svg"
        if svg.exists() and svg.with_suffix(".json").exists():
            return svg
    return None


def render_one(script: Path, cache_dir: Path, root: Path, display: str, server: ForkServer | None = None) -> Figure:
    """The chart's cached render, or a new one drawn by `server` (one of its own when None)."""
    if server is None:
        with ForkServer(RUNNER) as own:
            return render_one(script, cache_dir, root, display, own)
    name = script.stem
    cached = _cached(script, cache_dir, root)
    if cached is not None:
        return _load(name, cached, rendered=False)
    work = cache_dir / f".tmp-{name}-{os.getpid()}-{id(script)}"
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir(parents=True)
    try:
        argv = [RUNNER, str(script.resolve()), str(work / "chart.svg"), str(work / "chart.json"), display, str(root)]
        code, stderr = server.run(argv, cwd=work)
        if code != 0:
            raise FigureError(failure(code, stderr, display))
        reads = json.loads((work / "chart.json").read_text(encoding="utf-8"))["reads"]
        svg = cache_dir / f"{name}.{cache_key(script, root, reads)}.svg"
        # Rename is atomic, so a concurrent build never sees half a chart.
        (work / "chart.json").replace(svg.with_suffix(".json"))
        (work / "chart.svg").replace(svg)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    for stale in cache_dir.glob(f"{name}.*.svg"):
        if stale != svg:
            stale.unlink(missing_ok=True)
            stale.with_suffix(".json").unlink(missing_ok=True)
    return _load(name, svg, rendered=True)


def render_all(
    scripts_dir: Path, cache_dir: Path, root: Path, jobs: int | None = None, server: ForkServer | None = None
) -> list[Figure]:
    """Render (or reuse) every chart; raise FigureError listing every failing script. `server`: a running
    ForkServer of the chart runner to draw with (tests share one), else one of the batch's own."""
    scripts = sorted(p for p in scripts_dir.glob("*.py") if not p.name.startswith("_"))
    if not scripts:
        return []
    _toolchain_fingerprint()  # fail once, clearly, when matplotlib is missing
    cache_dir.mkdir(parents=True, exist_ok=True)
    root = root.resolve()

    def display(script: Path) -> str:
        script = script.resolve()
        return script.relative_to(root).as_posix() if script.is_relative_to(root) else str(script)

    # One server for the batch: matplotlib is imported once, and only when a chart is not in the cache.
    with nullcontext(server) if server is not None else ForkServer(RUNNER) as drawing:
        return render_each(scripts, lambda script: render_one(script, cache_dir, root, display(script), drawing), jobs)
