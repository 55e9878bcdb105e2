"""Render the build's `figures/*.py` scripts and `figures/charts/*.py` charts (cached by content); add the
architecture SVGs (wide and narrow) to the site under `figures/` (charts go inline into their pages: `place_charts`,
and as a file drawn light, and dark as `#dark`, under `figures/charts/`, for the figure gallery).

Rendering starts in `on_files`, so `mkdocs serve` re-renders a figure when its script changes (the folder is
watched), and runs in the background while pages are converted: the first `figure()` call waits for it
(`BuildContext.figure_map`), and `on_env` at the latest, which adds the files to the site. Nothing is written
into `docs/`: the files are added to the build from the cache.
"""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File

from handbook.build.context import BuildContext
from handbook.errors import FigureError
from handbook.figures import charts
from handbook.figures.architecture import Figure, render_all
from handbook.figures.html import chart_site_path, narrow_site_path, place_charts, site_path
from handbook.figures.material_palette import palettes, scheme_values
from handbook.figures.scheme_files import material_variables, scheme_file


def _render(project) -> tuple[list[Figure], list[Figure]]:
    """The architecture figures and the charts, rendered side by side (no core waits for the slower batch);
    every failing script of both is reported."""
    with ThreadPoolExecutor(max_workers=2, thread_name_prefix="figures") as pool:
        figures = pool.submit(render_all, project.figure_scripts, project.cache("figures"), project.root)
        folder = project.figure_scripts / charts.FOLDER
        drawn = pool.submit(charts.render_all, folder, project.cache("charts"), project.root)
    problems = [problem for job in (figures, drawn) if (error := job.exception()) for problem in _problems(error)]
    if problems:
        raise PluginError("figure rendering failed:\n" + "\n".join(problems))
    return figures.result(), drawn.result()


def _problems(error: BaseException) -> list[str]:
    if isinstance(error, FigureError):
        return error.problems
    raise error


class PendingFigures:
    """The build's figures, rendering on a thread since `on_files`; `finish` waits for them once, checks them and
    adds their files to the site, and raises the same error every time they failed."""

    def __init__(self, context: BuildContext, config, files) -> None:
        self._context, self._config, self._files = context, config, files
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="figures")
        self._job = self._pool.submit(_render, context.project)
        self._pool.shutdown(wait=False)
        self._error: PluginError | None = None
        self._done = False

    def finish(self) -> dict:
        if not self._done and self._error is None:
            try:
                figures, drawn = self._job.result()
                self._context.figures = _publish(figures, drawn, self._config, self._files)
                self._done = True
            except PluginError as exc:
                self._error = exc
        if self._error is not None:
            raise self._error
        return self._context.figures


def start_figures(context: BuildContext, config, files) -> None:
    """Start rendering the figures (`on_files`); `finish_figures` (`on_env`) waits for them if no page did."""
    context.pending_figures = PendingFigures(context, config, files)


def finish_figures(context: BuildContext) -> None:
    context.figure_map()


def _publish(figures: list[Figure], drawn: list[Figure], config, files) -> dict:
    """The figures by name, their files added to the site."""
    clashes = sorted({f.name for f in figures} & {c.name for c in drawn})
    if clashes:
        raise PluginError(
            "; ".join(
                f"figures/{name}.py and figures/{charts.FOLDER}/{name}.py share a name: "
                f'{{{{ figure("{name}") }}}} must name one: rename the chart'
                for name in clashes
            )
        )
    for figure in figures:
        files.append(File.generated(config, site_path(figure.name), abs_src_path=str(figure.svg)))
        if figure.narrow is not None:
            files.append(File.generated(config, narrow_site_path(figure.name), abs_src_path=str(figure.narrow)))
    light, dark = palettes(config.theme.get("palette"))
    for chart in drawn:
        svg = chart.svg.read_text(encoding="utf-8")
        names = material_variables(svg)
        display = f"figures/{charts.FOLDER}/{chart.name}.py"
        try:
            made = scheme_file(svg, scheme_values(light, names), scheme_values(dark, names), display)
        except FigureError as exc:
            raise PluginError(str(exc)) from None
        files.append(File.generated(config, chart_site_path(chart.name), content=made.svg))
    return {figure.name: figure for figure in [*figures, *drawn]}


def place_page_charts(context: BuildContext, output: str) -> str:
    """The finished page with its charts' SVG in place (`on_post_page`, before the CSP hook hashes its styles)."""
    return place_charts(output, context.figures)
