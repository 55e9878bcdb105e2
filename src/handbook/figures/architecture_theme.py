"""Let a Graphviz figure shown as an `<img>` follow Material's dark scheme: `figure.svg#dark` is drawn dark.

An `<img>` cannot see the page's `data-md-color-scheme`, but its URL's fragment reaches the SVG as `:target`:
the page shows `figure.svg` in the light scheme and `figure.svg#dark` in the slate one (one file, fetched once),
and the SVG's own `<style>` recolours every fill and stroke while `#dark` is the target. Each colour Graphviz
wrote gets its dark counterpart: the hand-picked ones below for the colours the figures use, else the same hue
with its lightness mirrored, so a dark line turns light and a pale cluster turns dark. Icons are pictures and
keep their colours; in the dark a pale plate behind each keeps dark logos visible.
"""

from __future__ import annotations

import colorsys
import re

from handbook.errors import FigureError

DARK_ID = "dark"
BACKGROUND = "#1e2029"  # Material's slate background, hsl(232, 15%, 14%): the figure blends into the page
PLATE = "#c9d1d9"  # behind each icon in the dark: most icons are drawn for a white page
_HAND_PICKED = {
    "#2d3436": "#e3e6ea",  # diagrams' text
    "#7b8894": "#a3afbb",  # diagrams' edges
    "#aeb6be": "#5d6873",  # cluster borders
    "#e5f5fd": "#243340",  # cluster fills, by nesting depth
    "#ebf3e7": "#26342b",
    "#ece8f6": "#2f2b3e",
    "#fdf7e3": "#39341f",
    "#ffffff": BACKGROUND,
    "#000000": "#e3e6ea",
    "#c0392b": "#f28b82",  # failure paths
    "#c62828": "#ef9a9a",
    "#1565c0": "#7cb8f2",  # replication, change streams
    "#2e7d32": "#81c784",
    "#e65100": "#ffb74d",
}
_NAMED = {"white": "#ffffff", "black": "#000000"}
_KEEP = {"none", "transparent"}
_PAINT = re.compile(r'\b(fill|stroke)="([^"]+)"')
_HEX = re.compile(r"#[0-9a-f]{6}")
_USE = re.compile(r'<use xlink:href="#icon-\d+" x="([-\d.]+)" y="([-\d.]+)" width="([\d.]+)" height="([\d.]+)"/>')
_ROOT = re.compile(r"<svg\b[^>]*>")


def dark_colour(colour: str) -> str:
    """The slate-scheme counterpart of a `#rrggbb` colour: hand-picked, else its lightness mirrored."""
    if colour in _HAND_PICKED:
        return _HAND_PICKED[colour]
    red, green, blue = (int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5))
    hue, lightness, saturation = colorsys.rgb_to_hls(red, green, blue)
    # Mirrored, then kept off the extremes: a dark line must stay readable on the dark page (>= 3:1) and a
    # pale fill must not glare.
    lightness = min(max(1 - lightness, 0.16), 0.82)
    rgb = colorsys.hls_to_rgb(hue, lightness, min(saturation, 0.75))
    return "#" + "".join(f"{round(c * 255):02x}" for c in rgb)


def _normalised(svg: str, display: str) -> str:
    def paint(match: re.Match) -> str:
        key, value = match.group(1), match.group(2).lower()
        value = _NAMED.get(value, value)
        if value not in _KEEP and not _HEX.fullmatch(value):
            raise FigureError(
                f'{display}: colour "{match.group(2)}" cannot follow the dark scheme: write it as #rrggbb'
            )
        return f'{key}="{value}"'

    return _PAINT.sub(paint, svg)


def _plates(svg: str) -> str:
    """A pale rounded plate under each icon, painted only in the dark (`fill: none` otherwise)."""

    def plate(match: re.Match) -> str:
        x, y, width, height = (float(v) for v in match.groups())
        pad = width * 0.1
        return (
            f'<rect class="hb-plate" x="{x - pad:g}" y="{y - pad:g}" width="{width + 2 * pad:g}" '
            f'height="{height + 2 * pad:g}" rx="{pad * 1.5:g}"/>' + match.group(0)
        )

    return _USE.sub(plate, svg)


def themed(svg: str, display: str) -> str:
    """The figure's SVG with its colours in lower-case hex, comments dropped, and a `<style>` that draws it dark
    while `#dark` is the URL's fragment. Raises FigureError for a colour that cannot be mapped."""
    svg = re.sub(r"<!--.*?-->\s*", "", svg, flags=re.S)
    svg = _plates(_normalised(svg, display))
    colours = sorted({value for value in re.findall(r'\b(?:fill|stroke)="(#[0-9a-f]{6})"', svg)})
    target = f"#{DARK_ID}:target"
    rules = [".hb-plate{fill:none}", f"{target} .hb-plate{{fill:{PLATE}}}"]
    for colour in colours:
        dark = dark_colour(colour)
        rules.append(f'{target} [fill="{colour}"]{{fill:{dark}}}{target} [stroke="{colour}"]{{stroke:{dark}}}')
    root = _ROOT.search(svg)
    if root is None:
        raise FigureError(f"{display}: Graphviz wrote no <svg> element")
    head, body = svg[: root.end()], svg[root.end() :]
    body = body[: body.rindex("</svg>")]
    defs = ""
    if body.lstrip().startswith("<defs>"):
        end = body.index("</defs>") + len("</defs>")
        defs, body = body[:end], body[end:]
    return f'{head}<style>{"".join(rules)}</style>{defs}<g id="{DARK_ID}">{body}</g>\n</svg>\n'
