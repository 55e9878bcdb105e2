"""Turn matplotlib's SVG into the inline SVG a page shows: colours that follow the scheme toggle, no style attributes.

matplotlib writes every colour in a `style="..."` attribute. Inline in a page, a style attribute is blocked by
the Content-Security-Policy and a fixed colour cannot follow Material's light/dark toggle, so each distinct
style becomes a class whose rule lives in the SVG's own `<style>` (the CSP hook hashes it), and each colour of
the theme becomes a CSS variable that the slate scheme overrides. Every rule is scoped to the SVG's id, since
a `<style>` inside inline SVG applies to the whole page.

The output is also made smaller and unique on a page: no XML prolog or metadata, coordinates rounded to 0.1 px
(far below a screen pixel), matplotlib's element ids dropped except those referenced (clip paths, markers),
which are renamed after the chart.
"""

from __future__ import annotations

import html
import re

from handbook.charts.theme import COLOURS, FONT_STACK, SMALL


class ChartStyleError(Exception):
    """The chart uses something the inline SVG cannot show as intended; the message says what to change."""


_PROLOG = re.compile(r"^.*?(?=<svg\b)", re.S)
_METADATA = re.compile(r"\s*<metadata>.*?</metadata>", re.S)
_MPL_STYLE = re.compile(r"\s*<defs>\s*<style[^>]*>.*?</style>\s*</defs>", re.S)
_TAG = re.compile(r"<([A-Za-z][\w:.-]*)((?:\s+[\w:.-]+=\"[^\"]*\")*)\s*(/?)>")
_ATTRIBUTE = re.compile(r'\s+([\w:.-]+)="([^"]*)"')
_NUMBER = re.compile(r"-?\d+\.\d{2,}")
_HEX = re.compile(r"#[0-9a-fA-F]{6}\b")
_REFERENCE = re.compile(r'(?:url\(#|href="#)([^)"]+)')
_NO_ROTATION = re.compile(r"rotate\(-?0 [-\d.]+ [-\d.]+\)")
_GEOMETRY = {"d", "x", "y", "x1", "x2", "y1", "y2", "width", "height", "transform", "points", "cx", "cy", "r"}
_VARIABLES = {colour.draw: colour for colour in COLOURS}


def _round(value: str) -> str:
    def short(match: re.Match) -> str:
        text = f"{float(match.group(0)):.1f}".rstrip("0").rstrip(".")
        return "0" if text == "-0" else text

    return re.sub(r"\s+", " ", _NUMBER.sub(short, value)).strip()


def _declarations(style: str, used: set[str]) -> list[str]:
    out = []
    for declaration in style.split(";"):
        name, _, value = (part.strip() for part in declaration.partition(":"))
        if not name or name == "font-family":  # one font rule for the whole chart
            continue
        if name == "font-size" and float(value.removesuffix("px")) < SMALL:
            raise ChartStyleError(
                f"text at {value} is smaller than the {SMALL} px minimum: set a larger size (a log axis "
                "writes exponents small: use handbook.charts.theme.plain_log_ticks)"
            )

        def variable(match: re.Match) -> str:
            colour = _VARIABLES.get(match.group(0).lower())
            if colour is None:
                raise ChartStyleError(
                    f"colour {match.group(0)} cannot follow the light/dark toggle: draw with a colour of "
                    "handbook.charts.theme (FG, MUTED, GRID, BG, BLUE, ORANGE, GREEN, PURPLE)"
                )
            used.add(colour.role)
            return f"var(--hb-{colour.role})"

        out.append(f"{name}:{_HEX.sub(variable, value)}")
    return out


def inline_svg(svg: str, name: str, alt: str) -> tuple[str, int, int]:
    """The page-ready SVG of chart `name`, and its width and height in CSS px."""
    svg = _MPL_STYLE.sub("", _METADATA.sub("", _PROLOG.sub("", svg, count=1)))
    tags = _Tags(f"chart-{name}", alt, list(dict.fromkeys(_REFERENCE.findall(svg))))
    body = re.sub(r">\s+<", "><", _TAG.sub(tags.rewrite, svg)).strip()
    style = _style_element(tags.scope, tags.classes, tags.used)
    body = re.sub(r"(<svg\b[^>]*>)", lambda m: m.group(1) + style, body, count=1)
    return body, tags.size["width"], tags.size["height"]


class _Tags:
    """Rewrites each tag of one chart: style attributes become classes (`classes`: rule -> class, with the theme
    colours they use in `used`), referenced ids are renamed after the chart, geometry is rounded."""

    def __init__(self, scope: str, alt: str, referenced: list[str]) -> None:
        self.scope, self.alt = scope, alt
        self.renamed = {old: f"{scope}-{n}" for n, old in enumerate(referenced, 1)}
        self.classes: dict[str, str] = {}
        self.used: set[str] = set()
        self.size: dict[str, int] = {}

    def rewrite(self, found: re.Match) -> str:
        element, attributes, close = found.group(1), found.group(2), found.group(3)
        out = [pair for key, value in _ATTRIBUTE.findall(attributes) for pair in self._attribute(element, key, value)]
        if element == "svg":
            out = [*self._root(), *out]
        text = "".join(f' {key}="{value}"' for key, value in out)
        return f"<{element}{text}{close}>"

    def _attribute(self, element: str, key: str, value: str) -> list[tuple[str, str]]:
        """What one attribute becomes: nothing, or (name, value) pairs."""
        if key == "style":
            body = ";".join(_declarations(html.unescape(value), self.used))
            return [("class", self.classes.setdefault(body, f"hb-c{len(self.classes)}"))] if body else []
        if key == "id":
            return [(key, self.renamed[value])] if value in self.renamed else []
        if key in ("xlink:href", "href") and value.startswith("#"):
            return [(key, "#" + self.renamed[value[1:]])]
        if key == "clip-path":
            return [(key, _REFERENCE.sub(lambda m: m.group(0).replace(m.group(1), self.renamed[m.group(1)]), value))]
        if key == "transform" and _NO_ROTATION.fullmatch(value):
            return []  # matplotlib writes rotate(-0 x y) on every label
        if element == "svg" and key in ("width", "height", "version"):
            return []
        if element == "svg" and key == "viewBox":
            _, _, width, height = (float(v) for v in value.split())
            self.size.update(width=round(width), height=round(height))
            return [(key, f"0 0 {self.size['width']} {self.size['height']}")]
        return [(key, _round(value) if key in _GEOMETRY else value)]

    def _root(self) -> list[tuple[str, str]]:
        """The <svg> element's own attributes, before the ones it keeps."""
        return [
            ("id", self.scope),
            ("class", "hb-chart__svg"),
            ("role", "img"),
            ("aria-label", html.escape(self.alt)),
            ("width", str(self.size["width"])),
            ("height", str(self.size["height"])),
        ]


def _style_element(scope: str, classes: dict[str, str], used: set[str]) -> str:
    """The chart's own <style>: its theme colours as variables (overridden in the slate scheme), its classes."""
    light = ";".join(f"--hb-{c.role}:{c.light}" for c in COLOURS if c.role in used)
    dark = ";".join(f"--hb-{c.role}:{c.dark}" for c in COLOURS if c.role in used and c.dark != c.light)
    rules = [
        f"#{scope}{{{light};font-family:{FONT_STACK};display:block;margin:0 auto}}",
        f"#{scope} *{{stroke-linejoin:round;stroke-linecap:butt}}",
        *(f"#{scope} .{cls}{{{rule}}}" for rule, cls in classes.items()),
    ]
    if dark:
        rules.insert(1, f"[data-md-color-scheme=slate] #{scope}{{{dark}}}")
    return "<style>" + "".join(rules).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;") + "</style>"
