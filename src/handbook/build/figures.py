"""Render the build's `figures/*.py` scripts (cached by content) and add the SVGs to the site under `figures/`.

Runs in `on_files`, so `mkdocs serve` re-renders a figure when its script changes (the folder is watched).
Nothing is written into `docs/`: the files are added to the build from the cache.
"""

from __future__ import annotations

from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File

from handbook.build.context import BuildContext
from handbook.errors import FigureError
from handbook.figures.architecture import render_all
from handbook.figures.html import site_path


def publish_figures(context: BuildContext, config, files) -> None:
    project = context.project
    try:
        figures = render_all(project.figure_scripts, project.cache("figures"), project.root)
    except FigureError as exc:
        raise PluginError(f"figure rendering failed:\n{exc}") from None
    context.figures = {figure.name: figure for figure in figures}
    for figure in figures:
        files.append(File.generated(config, site_path(figure.name), abs_src_path=str(figure.svg)))
