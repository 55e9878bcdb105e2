"""A figure drawn inline in a page (a Mermaid SVG, a chart) as a file an `<img>` can show in either scheme.

Inline, such a figure is coloured by the page's CSS variables (Material's `--md-…`, set by the page's
`data-md-color-scheme`), which an `<img>` cannot see. The file carries their values itself, as the architecture
figures do (handbook.figures.architecture_theme): drawn light as `figure.svg`, dark as `figure.svg#dark`, since
the URL's fragment reaches the SVG as `:target`. Its content goes into `<g id="dark">`, whose rules give the
variables their light values, and their dark ones while it is the target.

The file is also made small, for a gallery that loads hundreds of them: no title or description (the page's
`<img>` has the words), coordinates rounded to 0.1 unit, and no style rule that can match nothing in it
(Mermaid puts the CSS of every diagram type in every diagram: most of a small SVG).
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from functools import lru_cache

from handbook.errors import FigureError

DARK_ID = "dark"  # the fragment that draws a file dark, as for the architecture figures
SLATE = "[data-md-color-scheme=slate]"

_ROOT = re.compile(r"<svg\b[^>]*>")
_ROOT_ID = re.compile(r'\sid="([^"]+)"')
_VIEWBOX = re.compile(r'\sviewBox="([-\d.e]+)[ ,]+([-\d.e]+)[ ,]+([\d.e]+)[ ,]+([\d.e]+)"')
_STYLE = re.compile(r"<style>(.*?)</style>", re.S)
_MATERIAL_VAR = re.compile(r"var\(\s*(--md-[\w-]+)")
_WORDS = re.compile(r"<(title|desc)\b[^>]*>.*?</\1>", re.S)
# Attributes no style rule, link or reader of an <img> uses: accessibility (the page's <img> carries the words),
# Mermaid's bookkeeping (`data-*`, `name`), focus.
_NOISE = re.compile(r'\s(?:aria-[\w-]+|role|tabindex|data-[\w-]+|name)="[^"]*"')
_GEOMETRY = re.compile(r'\s(d|points|transform|x|y|x1|x2|y1|y2|width|height|cx|cy|r|rx|ry|dx|dy|viewBox)="([^"]*)"')
_DECIMAL = re.compile(r"-?\d*\.\d+(?:e-?\d+)?")
_CLASS = re.compile(r'\sclass="([^"]*)"')
_ID = re.compile(r'\sid="([^"]*)"')
_TAG_NAME = re.compile(r"<([A-Za-z][\w:-]*)")
_VOID = re.compile(r"<(br|hr|img|wbr)\b([^>]*?)/?>", re.I)  # HTML in labels: a file must be well-formed XML
_BRACE = re.compile(r"[{}]")
# The parts of a selector (_can_match)
_ATTRIBUTE = re.compile(r"\[[^\]]*\]")
_PSEUDO = re.compile(r"::?[\w-]+")
_CLASS_NAME = re.compile(r"\.([\w-]+)")
_ID_NAME = re.compile(r"#([\w-]+)")
_ELEMENT_NAME = re.compile(r"(?:^|[\s>+~])([A-Za-z][\w-]*)")
_ENTITY = re.compile(r"&([A-Za-z][A-Za-z0-9]*);")
_XML_ENTITIES = {"amp", "lt", "gt", "quot", "apos"}


@dataclass(frozen=True)
class SchemeFile:
    svg: str  # the file's text
    width: float  # its natural size, from its viewBox
    height: float


@lru_cache(maxsize=4096)  # a figure repeats its coordinates: formatting a float is most of the rounding
def _rounded_number(number: str) -> str:
    text = f"{float(number):.1f}".rstrip("0").rstrip(".")
    return "0" if text == "-0" else text


def _rounded(value: str) -> str:
    return _DECIMAL.sub(lambda match: _rounded_number(match.group(0)), value)


def round_geometry(svg: str) -> str:
    """Coordinates and sizes rounded to 0.1 unit: a tenth of a pixel at full size, far less in a thumbnail."""
    return _GEOMETRY.sub(lambda m: f' {m.group(1)}="{_rounded(m.group(2))}"', svg)


def _css_rules(css: str) -> list[tuple[str, str]]:
    """(prelude, body) of each top-level rule; an at-rule's body keeps its nested braces."""
    rules, position = [], 0
    while True:
        opening = css.find("{", position)
        if opening < 0:
            return rules
        depth, index = 0, len(css)  # an unclosed rule runs to the end
        for brace in _BRACE.finditer(css, opening):  # brace to brace, not character by character: a style is long
            depth += 1 if brace.group(0) == "{" else -1
            if depth == 0:
                index = brace.start()
                break
        rules.append((css[position:opening].strip(), css[opening + 1 : index]))
        position = index + 1


def _can_match(selector: str, classes: set[str], ids: set[str], tags: set[str]) -> bool:
    """False only when the selector needs a class, id or element the SVG does not have (so it matches nothing)."""
    if "(" in selector:  # :not(), :is(), :has(): too subtle to judge, keep
        return True
    plain = _PSEUDO.sub("", _ATTRIBUTE.sub("", selector))
    return (
        all(name in classes for name in _CLASS_NAME.findall(plain))
        and all(name in ids for name in _ID_NAME.findall(plain))
        and all(name.lower() in tags for name in _ELEMENT_NAME.findall(plain))
    )


def prune_css(css: str, svg: str) -> str:
    """`css` without the selectors that can match nothing in `svg` (and keyframes no remaining rule uses)."""
    classes = {name for value in _CLASS.findall(svg) for name in value.split()}
    ids, tags = set(_ID.findall(svg)), {name.lower() for name in _TAG_NAME.findall(svg)}
    kept, keyframes = [], []
    for prelude, body in _css_rules(css):
        if prelude.startswith("@keyframes"):
            keyframes.append(f"{prelude}{{{body}}}")
        elif prelude.startswith("@"):
            kept.append(f"{prelude}{{{body}}}")
        else:
            selectors = [s.strip() for s in prelude.split(",") if _can_match(s.strip(), classes, ids, tags)]
            if selectors:
                quoted = any(mark in body for mark in ('"', "'", "url("))  # a `;` inside: leave as written
                compact = body if quoted else ";".join(f"{name}:{value}" for name, value in _declarations(body))
                kept.append(f"{','.join(selectors)}{{{compact}}}")
    text = "".join(kept)
    if "animation" in text:
        text = "".join(keyframes) + text
    return text


def drop_unused_ids(svg: str, css: str, keep: set[str]) -> str:
    """`svg` without the ids nothing refers to (Mermaid gives every node and edge one): a reference is `#id`
    in a URL, an href or a style rule."""
    used = set(re.findall(r"#([\w-]+)", css)) | set(re.findall(r'(?:url\(#|href="#)([\w-]+)', svg)) | keep
    return _ID.sub(lambda m: m.group(0) if m.group(1) in used else "", svg)


def _declarations(body: str) -> list[tuple[str, str]]:
    out = []
    for declaration in body.split(";"):
        name, colon, value = (part.strip() for part in declaration.partition(":"))
        if colon and name:
            out.append((name, value))
    return out


def well_formed(markup: str) -> str:
    """Mermaid's HTML labels as XML: void elements closed, named entities as numbers (a file is parsed as XML)."""
    markup = _VOID.sub(lambda m: f"<{m.group(1)}{m.group(2).rstrip()}/>", markup)

    def entity(match: re.Match) -> str:
        name = match.group(1)
        if name in _XML_ENTITIES:
            return match.group(0)
        text = html.unescape(match.group(0))
        return "".join(f"&#{ord(c)};" for c in text) if text != match.group(0) else f"&amp;{name};"

    return _ENTITY.sub(entity, markup)


def escape_style(css: str) -> str:
    """CSS as the text of an SVG `<style>`, which is parsed with entities: what could end or alter it, escaped."""
    return css.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def scheme_file(svg: str, light: dict[str, str], dark: dict[str, str], display: str) -> SchemeFile:
    """`svg` (a page's inline figure) as a standalone file drawn light, and dark as `#dark`.

    `light` and `dark` give each Material variable (`--md-…`) its resolved value in that scheme; every one the
    SVG uses must be there. A chart's own variables (declared on its root, overridden under `[data-md-color-
    scheme=slate]`) move onto the `#dark` group, where they see the scheme's values.
    """
    root, scope_id, width, height = _root_of(svg, display)
    body = _NOISE.sub("", _WORDS.sub("", svg[root.end() : svg.rindex("</svg>")]))
    body, own, slate = _restyled(well_formed(round_geometry(body)), root.group(0), scope_id)
    body = drop_unused_ids(body, "".join(_STYLE.findall(body)), {scope_id})
    used = sorted(set(_MATERIAL_VAR.findall(body)) | {n for _, v in own + slate for n in _MATERIAL_VAR.findall(v)})
    missing = [name for name in used if name not in light or name not in dark]
    if missing:
        raise FigureError(f"{display}: no value for {', '.join(missing)} in the light or dark scheme")
    rules = _scheme_rules(scope_id, [(n, light[n]) for n in used], [(n, dark[n]) for n in used], own, slate)
    head = _file_root(root.group(0), body, width, height)
    text = f'{round_geometry(head)}<style>{escape_style(rules)}</style><g id="{DARK_ID}">{body}</g></svg>\n'
    return SchemeFile(text, width, height)


def _root_of(svg: str, display: str) -> tuple[re.Match, str, float, float]:
    """The root `<svg>` tag, its id, and the width and height of its viewBox."""
    root = _ROOT.match(svg)
    scope = _ROOT_ID.search(root.group(0)) if root else None
    box = _VIEWBOX.search(root.group(0)) if root else None
    if not (root and scope and box):
        raise FigureError(f"{display}: the SVG has no root <svg> with an id and a viewBox")
    return root, scope.group(1), float(box.group(3)), float(box.group(4))


Declarations = list[tuple[str, str]]


def _restyled(body: str, root_tag: str, scope_id: str) -> tuple[str, Declarations, Declarations]:
    """`body` with its style rules pruned to what can match, without the root's page-only rules; and the
    root's custom properties (a chart's --hb-…) with their dark values, taken out for the `#dark` group."""
    own: Declarations = []
    slate: Declarations = []

    def restyle(match: re.Match) -> str:
        rules = []
        for prelude, rule in _css_rules(html.unescape(match.group(1))):
            if " ".join(prelude.split()) == f"{SLATE} #{scope_id}":
                slate.extend(_declarations(rule))
                continue
            if prelude == f"#{scope_id}":
                own.extend(d for d in _declarations(rule) if d[0].startswith("--"))
            if re.fullmatch(rf"#{re.escape(scope_id)}\.[\w-]+", prelude):
                continue  # the root's width limits in the page (moved from its style attribute)
            rules.append(f"{prelude}{{{rule}}}")
        return "<style>" + escape_style(prune_css("".join(rules), root_tag + body)) + "</style>"

    return _STYLE.sub(restyle, body), own, slate


def _scheme_rules(
    scope_id: str, light: Declarations, dark: Declarations, own: Declarations, slate: Declarations
) -> str:
    """The variables' light values on the root and `#dark`, the chart's own on `#dark`, the dark ones while it is
    the target."""

    def block(pairs) -> str:
        return ";".join(f"{name}:{value}" for name, value in pairs)

    rules = f"#{scope_id},#{DARK_ID}{{{block(light)}}}"
    if own:
        rules += f"#{DARK_ID}{{{block(own)}}}"
    return rules + f"#{DARK_ID}:target{{{block([*dark, *slate])}}}"


def _file_root(root_tag: str, body: str, width: float, height: float) -> str:
    """The file's `<svg>` tag: the page's attributes without sizes, styles and accessibility, its own size, and
    the namespaces a file needs."""
    attributes = re.sub(r'\s(?:width|height|style|tabindex|role|aria-[\w-]+)="[^"]*"', "", root_tag[4:-1])
    if "xmlns=" not in attributes:
        attributes += ' xmlns="http://www.w3.org/2000/svg"'
    if "xlink:" in body and "xmlns:xlink=" not in attributes:
        attributes += ' xmlns:xlink="http://www.w3.org/1999/xlink"'
    return f'<svg{attributes} width="{_rounded(f"{width:.1f}")}" height="{_rounded(f"{height:.1f}")}">'


def material_variables(svg: str) -> set[str]:
    """The Material variables (`--md-…`) an inline figure's styles refer to."""
    return {name for css in _STYLE.findall(svg) for name in _MATERIAL_VAR.findall(html.unescape(css))}
