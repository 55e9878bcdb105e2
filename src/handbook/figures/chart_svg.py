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
    scope = f"chart-{name}"
    referenced = list(dict.fromkeys(_REFERENCE.findall(svg)))
    renamed = {old: f"{scope}-{n}" for n, old in enumerate(referenced, 1)}
    classes: dict[str, str] = {}
    used: set[str] = set()
    size = {}

    def tag(found: re.Match) -> str:
        element, attributes, close = found.group(1), found.group(2), found.group(3)
        out = []
        for key, value in _ATTRIBUTE.findall(attributes):
            if key == "style":
                body = ";".join(_declarations(html.unescape(value), used))
                if body:
                    out.append(("class", classes.setdefault(body, f"hb-c{len(classes)}")))
            elif key == "id":
                if value in renamed:
                    out.append((key, renamed[value]))
            elif key in ("xlink:href", "href") and value.startswith("#"):
                out.append((key, "#" + renamed[value[1:]]))
            elif key == "clip-path":
                out.append((key, _REFERENCE.sub(lambda m: m.group(0).replace(m.group(1), renamed[m.group(1)]), value)))
            elif key == "transform" and _NO_ROTATION.fullmatch(value):
                continue  # matplotlib writes rotate(-0 x y) on every label
            elif element == "svg" and key in ("width", "height", "version"):
                continue
            elif element == "svg" and key == "viewBox":
                _, _, width, height = (float(v) for v in value.split())
                size.update(width=round(width), height=round(height))
                out.append((key, f"0 0 {size['width']} {size['height']}"))
            else:
                out.append((key, _round(value) if key in _GEOMETRY else value))
        if element == "svg":
            out = [
                ("id", scope),
                ("class", "hb-chart__svg"),
                ("role", "img"),
                ("aria-label", html.escape(alt)),
                ("width", str(size["width"])),
                ("height", str(size["height"])),
                *out,
            ]
        text = "".join(f' {key}="{value}"' for key, value in out)
        return f"<{element}{text}{close}>"

    body = _TAG.sub(tag, svg)
    body = re.sub(r">\s+<", "><", body).strip()
    light = ";".join(f"--hb-{c.role}:{c.light}" for c in COLOURS if c.role in used)
    dark = ";".join(f"--hb-{c.role}:{c.dark}" for c in COLOURS if c.role in used and c.dark != c.light)
    rules = [
        f"#{scope}{{{light};font-family:{FONT_STACK};display:block;margin:0 auto}}",
        f"#{scope} *{{stroke-linejoin:round;stroke-linecap:butt}}",
        *(f"#{scope} .{cls}{{{rule}}}" for rule, cls in classes.items()),
    ]
    if dark:
        rules.insert(1, f"[data-md-color-scheme=slate] #{scope}{{{dark}}}")
    style = "<style>" + "".join(rules).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;") + "</style>"
    body = re.sub(r"(<svg\b[^>]*>)", lambda m: m.group(1) + style, body, count=1)
    return body, size["width"], size["height"]
