"""The macros of figures, maps and simulators."""

from __future__ import annotations

from mkdocs.exceptions import PluginError

from handbook.build.gallery import gallery_markdown
from handbook.build.macro_base import MacroSet, unknown
from handbook.figures.html import figure_html
from handbook.rendering.home_map import render_map, render_overview
from handbook.rendering.simulators import available_simulators, render_simulator
from handbook.simulators import PROVIDERS as SIMULATOR_DATA


class FigureMacros(MacroSet):
    MACROS = ("figure", "figure_gallery", "handbook_map", "handbook_overview", "simulator")

    def figure(self, name: str, caption: str | None = None) -> str:
        """The rendered `figures/<name>.py` figure or `figures/charts/<name>.py` chart, with alt text and caption."""
        try:
            figures = self.context.figure_map()
        except PluginError:
            return ""  # a figure script failed: the build stops with every failure in on_env
        if name not in figures:
            raise unknown(self.page, "figure", name, figures)
        return figure_html(figures[name], self.page.url, caption)

    def figure_gallery(self) -> str:
        """Every numbered figure of the nav's pages as thumbnail cards, by section and page, each linked to its
        place in its page (the cards go in once every page is built: handbook.build.gallery)."""
        return gallery_markdown(self.context, self.page)

    def handbook_map(self, blurbs: dict[str, str]) -> str:
        """Grid cards of every nav section and its pages; `blurbs` maps each section title to its one line."""
        return render_map(self.env.variables["navigation"], self.here, blurbs)

    def handbook_overview(self) -> str:
        """The home page's map of the handbook as a figure, generated from the nav and the placements."""
        return render_overview(self.env.variables["navigation"], self.context.placements)

    def simulator(self, sim_id: str, title: str = "", fallback: str = "") -> str:
        """An interactive simulator (docs/assets/javascripts/simulators/<sim_id>/) with its static stand-in."""
        known = available_simulators(self.context.project.docs)
        if sim_id not in known:
            raise unknown(self.page, "simulator", sim_id, known)
        data = SIMULATOR_DATA[sim_id](self.context.project) if sim_id in SIMULATOR_DATA else None
        return self.stash(render_simulator(sim_id, title, fallback, data))
