"""The look of every chart: size for the content column, fonts, and colours that follow Material's scheme toggle.

A chart is drawn with the colours below; the renderer (handbook/figures/chart_svg.py) then replaces each one
by a CSS variable, set per colour scheme, so the inline SVG follows Material's light/dark toggle. A colour not
listed here cannot follow the toggle, so the renderer rejects it.

Sizes are CSS pixels: the figure is drawn at 72 dpi, so one point is one SVG unit, and the SVG is shown at
WIDTH px on a laptop and scaled down to the 358 px column of a phone. SMALL is the smallest text allowed:
13 px x 358 / 480 is 9.7 px on a phone.
"""

from __future__ import annotations

from dataclasses import dataclass

WIDTH = 480  # px: fits the 690 px content column, and shrinks by at most 0.75 to a phone's 358 px
SMALL = 13  # px: tick labels, annotations
NORMAL = 14  # px: axis labels, legends
FONT = "DejaVu Sans"  # what matplotlib measures text with; the SVG names it first, before the system fonts
FONT_STACK = f"'{FONT}', -apple-system, BlinkMacSystemFont, Helvetica, Arial, sans-serif"


@dataclass(frozen=True)
class Colour:
    role: str
    draw: str  # what matplotlib draws with (and a chart opened on its own shows)
    light: str  # CSS value in Material's light scheme
    dark: str  # CSS value in Material's slate (dark) scheme


# Series colours: at least 4.5:1 against white and against slate's background (#1e2129) (tests/unit/
# test_chart_render.py); a chart whose series could be confused tells them apart by line style or marker too.
COLOURS = (
    # Material's own variables switch with the scheme; the fallbacks are for the SVG opened on its own.
    Colour("fg", "#212121", *["var(--md-default-fg-color, #212121)"] * 2),
    Colour("muted", "#757575", *["var(--md-default-fg-color--light, #757575)"] * 2),
    Colour("grid", "#dddddd", "#dddddd", "#3b404d"),  # decoration only: the data never depends on a grid line
    Colour("bg", "#ffffff", *["var(--md-default-bg-color, #ffffff)"] * 2),
    Colour("blue", "#0a5ea8", "#0a5ea8", "#6cb6f5"),
    Colour("orange", "#c2410c", "#c2410c", "#f59a57"),
    Colour("green", "#1b7a3a", "#1b7a3a", "#5fd08a"),
    Colour("purple", "#7c3aad", "#7c3aad", "#c9a1f0"),
)
BY_ROLE = {colour.role: colour.draw for colour in COLOURS}
FG, MUTED, GRID, BG = BY_ROLE["fg"], BY_ROLE["muted"], BY_ROLE["grid"], BY_ROLE["bg"]
BLUE, ORANGE, GREEN, PURPLE = BY_ROLE["blue"], BY_ROLE["orange"], BY_ROLE["green"], BY_ROLE["purple"]
SERIES = (BLUE, ORANGE, GREEN, PURPLE)


# matplotlib settings for every chart, but the colour cycle (rc_params adds it: cycler is imported with matplotlib).
_SETTINGS = {
    "figure.dpi": 72,  # 1 pt = 1 SVG unit = 1 CSS px as shown at WIDTH
    "savefig.dpi": 72,
    "figure.facecolor": "none",  # the page's background shows through, in both schemes
    "savefig.facecolor": "none",
    "axes.facecolor": "none",
    "figure.constrained_layout.use": True,
    "font.family": [FONT],
    "font.size": SMALL,
    "axes.labelsize": NORMAL,
    "axes.titlesize": NORMAL,
    "legend.fontsize": SMALL,
    "xtick.labelsize": SMALL,
    "ytick.labelsize": SMALL,
    "text.color": FG,
    "axes.labelcolor": FG,
    "axes.edgecolor": MUTED,
    "xtick.color": MUTED,
    "ytick.color": MUTED,
    "xtick.labelcolor": FG,
    "ytick.labelcolor": FG,
    "axes.grid": True,
    "grid.color": GRID,
    "grid.linewidth": 0.8,
    "axes.axisbelow": True,
    "axes.spines.top": False,
    "axes.spines.right": False,
    "lines.linewidth": 2,
    "legend.frameon": True,
    "legend.facecolor": BG,
    "legend.edgecolor": GRID,
    "legend.framealpha": 0.9,
    "patch.edgecolor": BG,
    "svg.fonttype": "none",  # text stays text: small, selectable, crisp at any zoom
    "svg.image_inline": True,
    "path.simplify": True,
}


def rc_params() -> dict:
    """matplotlib settings for every chart (the runner applies them before the script runs)."""
    from cycler import cycler

    return {**_SETTINGS, "axes.prop_cycle": cycler(color=list(SERIES))}


def figure(height: int = 300, width: int = WIDTH):
    """A figure `width` x `height` CSS px with one axes: `fig, ax = theme.figure(280)`."""
    import matplotlib.pyplot as plt

    return plt.subplots(figsize=(width / 72, height / 72))


def plain_log_ticks(axis, unit: str = "", ticks=None) -> None:
    """Label a log axis `1 ms, 10 ms, 100 ms` instead of 10^0 (whose exponent text is too small to read).

    `axis` is `ax.xaxis` or `ax.yaxis`; `ticks` picks the tick values (default: the powers of ten shown).
    """
    from matplotlib.ticker import FixedLocator, FuncFormatter, NullLocator

    if ticks is not None:
        axis.set_major_locator(FixedLocator(ticks))
    axis.set_minor_locator(NullLocator())
    axis.set_major_formatter(FuncFormatter(lambda value, _: f"{value:,.10g}{unit}"))
