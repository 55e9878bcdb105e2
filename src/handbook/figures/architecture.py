"""Render every `figures/*.py` script to SVG in a cache folder, in parallel, skipping unchanged figures.

The cache key covers the script text, this renderer, the `diagrams` package version and Graphviz's version,
so a figure is re-rendered exactly when something that shapes its output changed.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from functools import lru_cache
from importlib import metadata
from pathlib import Path

from handbook.errors import FigureError

RUNNER = Path(__file__).with_name("architecture_script.py")
INSTALL_GRAPHVIZ = "Graphviz is not installed (no `dot` on PATH): run `make build`, or `sudo apt-get install graphviz`"


@dataclass(frozen=True)
class Figure:
    name: str
    svg: Path
    title: str
    alt: str
    caption: str
    width: int
    height: int
    rendered: bool  # False when it came from the cache
    inline: bool = False  # True for a chart: its SVG goes into the page, so its colours follow the scheme toggle


@lru_cache(maxsize=1)
def _toolchain_fingerprint() -> str:
    dot = shutil.which("dot")
    if dot is None:
        raise FigureError(INSTALL_GRAPHVIZ)
    graphviz = subprocess.run([dot, "-V"], capture_output=True, text=True, check=False).stderr.strip()
    versions = f"diagrams {metadata.version('diagrams')}, pillow {metadata.version('pillow')}"
    return f"{versions}\n{graphviz}\n{RUNNER.read_bytes().hex()}"


def cache_key(script: Path) -> str:
    digest = hashlib.sha256(_toolchain_fingerprint().encode())
    digest.update(script.read_bytes())
    return digest.hexdigest()[:20]


def _load(name: str, svg: Path, rendered: bool) -> Figure:
    meta = json.loads(svg.with_suffix(".json").read_text(encoding="utf-8"))
    return Figure(name, svg, meta["title"], meta["alt"], meta["caption"], meta["width"], meta["height"], rendered)


def render_one(script: Path, cache_dir: Path, display: str) -> Figure:
    name = script.stem
    svg = cache_dir / f"{name}.{cache_key(script)}.svg"
    if svg.exists() and svg.with_suffix(".json").exists():
        return _load(name, svg, rendered=False)
    work = cache_dir / f".tmp-{name}-{os.getpid()}-{id(script)}"
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir(parents=True)
    try:
        result = subprocess.run(
            [
                sys.executable,
                str(RUNNER),
                str(script.resolve()),
                str(work / "figure.svg"),
                str(work / "figure.json"),
                display,
            ],
            cwd=work,
            capture_output=True,
            text=True,
            check=False,
            timeout=120,
        )
        if result.returncode != 0:
            lines = [line for line in result.stderr.strip().splitlines() if line.strip()]
            raise FigureError(lines[-1] if lines else f"{display}: the script failed with no message")
        # Rename is atomic, so a concurrent build never sees half a figure.
        (work / "figure.json").replace(svg.with_suffix(".json"))
        (work / "figure.svg").replace(svg)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    for stale in cache_dir.glob(f"{name}.*.svg"):
        if stale != svg:
            stale.unlink(missing_ok=True)
            stale.with_suffix(".json").unlink(missing_ok=True)
    return _load(name, svg, rendered=True)


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

    with ThreadPoolExecutor(max_workers=jobs or os.cpu_count() or 2) as pool:
        futures = [pool.submit(render_one, script, cache_dir, display(script)) for script in scripts]
    figures, errors = [], []
    for future in futures:
        try:
            figures.append(future.result())
        except FigureError as exc:
            errors.append(str(exc))
    if errors:
        raise FigureError(errors)
    return figures
