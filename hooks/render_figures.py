"""MkDocs hook: render `diagrams/*.py` into the cache and publish the SVGs under `figures/`.

Runs in `on_files`, so `mkdocs serve` re-renders a figure when its script changes (the folder is watched).
Nothing is written into `docs/`: the files are added to the build from `.cache/figures/`.
"""

from __future__ import annotations

import sys
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # MkDocs loads hooks by path; the macros package lives at the root

import os  # noqa: E402

from macros import figure_registry  # noqa: E402
from macros.figure_render import FigureError, render_all  # noqa: E402

# Tests that build a copy of the project point this at the main cache, so figures render once per machine.
CACHE = Path(os.environ.get("HANDBOOK_FIGURE_CACHE", ROOT / ".cache" / "figures"))


def on_files(files: Files, config) -> Files:
    try:
        figures = render_all(ROOT / "diagrams", CACHE, ROOT)
    except FigureError as exc:
        raise PluginError(f"figure rendering failed:\n{exc}") from None
    figure_registry.FIGURES.clear()
    for figure in figures:
        figure_registry.FIGURES[figure.name] = figure
        files.append(File.generated(config, figure_registry.site_path(figure.name), abs_src_path=str(figure.svg)))
    return files
