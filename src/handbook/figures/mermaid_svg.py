"""Make a Mermaid SVG ready for a page: its ids its own (`scope_ids`), its `style` attributes classes (the CSP),
its style rules only those that can match (`prune_styles`).

Mermaid names many elements the same in every diagram (a sequence diagram's `arrowhead` marker, `actor0`,
`root-0`; a flowchart's `flowchart-A-0`): on a page with two diagrams, `url(#arrowhead)` and `aria-labelledby`
would find the first one's element, and a marker inside a closed `<details>` draws nothing. Each such id gets
the diagram's own id (unique: it comes from the source's hash) as a suffix, and so does every reference to it:
a suffix, because Material's theme finds some elements by the start of their id (`[id^=entity] rect`).

Mermaid writes `style="..."` attributes (the SVG's max-width, label layout, `style`/`classDef` colours). The
policy blocks style attributes, so each becomes a class with a rule in the SVG's own `<style>` (covered by that
element's hash): `!important` on inner elements keeps them above the theme's rules, as an inline style was;
the root's max-width stays an ordinary rule, so print.css can still shrink the figure.
"""

from __future__ import annotations

import html
import re

from handbook.figures.scheme_files import escape_style, prune_css

_STYLE_BLOCK = re.compile(r"(<style>.*?</style>)", re.S)
_STYLE_TEXT = re.compile(r"<style>(.*?)</style>", re.S)
_TAG = re.compile(r"<([A-Za-z][\w:.-]*)(\s[^<>]*?)?(/?)>")
_STYLE_ATTRIBUTE = re.compile(r'\sstyle="([^"]*)"')
_CLASS_ATTRIBUTE = re.compile(r'(\sclass=")')
_ROOT_ID = re.compile(r'<svg id="([^"]+)"')
_ID = re.compile(r'(\sid=")([^"]+)(")')
# References to an id: url(#…) (markers, gradients, clips; in attributes and in CSS), href="#…", and the id lists
# of aria-labelledby and aria-describedby.
_URL = re.compile(r"(url\((?:['\"]|&quot;)?#)([^\s'\"()&]+)")
_HREF = re.compile(r'(\shref="#|\sxlink:href="#)([^"]+)(")')
_ARIA_IDS = re.compile(r'(\saria-(?:labelledby|describedby)=")([^"]*)(")')
_SELECTORS = re.compile(r"(?:^|(?<=[{}]))([^{}]+)(?=\{)")  # what comes before each `{`: a rule's selectors
_ID_SELECTOR = re.compile(r"#([\w-]+)")


def scope_ids(svg: str) -> str:
    """Suffix each id of a Mermaid SVG that does not already hold the diagram's id (its root's) with it, and every
    reference to it: `url(#…)`, `href="#…"`, aria id lists, and `#id` in its style rules' selectors."""
    match = _ROOT_ID.match(svg)
    if not match:
        return svg
    root = match.group(1)
    names = {name: f"{name}-{root}" for name in (m.group(2) for m in _ID.finditer(svg)) if root not in name}
    if not names:
        return svg

    def renamed(found: re.Match) -> str:
        return found.group(1) + names.get(found.group(2), found.group(2)) + "".join(found.groups()[2:])

    def aria(found: re.Match) -> str:
        return found.group(1) + " ".join(names.get(n, n) for n in found.group(2).split()) + found.group(3)

    def selectors(found: re.Match) -> str:
        return _ID_SELECTOR.sub(lambda m: "#" + names.get(m.group(1), m.group(1)), found.group(1))

    def markup(part: str) -> str:
        if part.startswith("<style>"):
            return _URL.sub(renamed, _SELECTORS.sub(selectors, part))
        return _ARIA_IDS.sub(aria, _HREF.sub(renamed, _URL.sub(renamed, _ID.sub(renamed, part))))

    return "".join(markup(part) for part in _STYLE_BLOCK.split(svg))


def prune_styles(svg: str) -> str:
    """The SVG without the style rules that can match nothing in it. Mermaid puts the CSS of every diagram type
    into every diagram: 45,000 rules in the handbook's 375 diagrams, 14,800 of which can match. A page is smaller,
    and the printed book (every diagram in one document) no longer checks each element against all of them."""

    def pruned(found: re.Match) -> str:
        return "<style>" + escape_style(prune_css(html.unescape(found.group(1)), svg)) + "</style>"

    return _STYLE_TEXT.sub(pruned, svg)


def page_ready(svg: str) -> str:
    """Mermaid's SVG as a page carries it: ids scoped to the diagram, style attributes moved into classes, style
    rules that can match nothing in it left out."""
    return prune_styles(move_style_attributes(scope_ids(svg)))


def _declarations(style: str) -> list[str]:
    """The meaningful declarations of a style attribute: Mermaid also writes `;`, `` and `undefined;;;undefined`."""
    out: list[str] = []
    for declaration in html.unescape(style).split(";"):
        name, colon, value = (part.strip() for part in declaration.partition(":"))
        value = value.removesuffix("!important").strip()
        if colon and name and value and value != "undefined" and f"{name}: {value}" not in out:
            out.append(f"{name}: {value}")
    return out


def move_style_attributes(svg: str) -> str:
    """Replace every `style` attribute in a Mermaid SVG by a class and a rule in the SVG's `<style>`."""
    match = re.match(r'<svg id="([^"]+)"', svg)
    if not match:
        return svg
    scope = match.group(1)
    classes: dict[tuple[bool, str], str] = {}

    def tag(found: re.Match) -> str:
        name, attributes, close = found.group(1), found.group(2) or "", found.group(3)
        style = _STYLE_ATTRIBUTE.search(attributes)
        if not style:
            return found.group(0)
        attributes = attributes[: style.start()] + attributes[style.end() :]
        declarations = _declarations(style.group(1))
        if declarations:
            root = name == "svg" and f'id="{scope}"' in attributes
            body = "; ".join(declarations if root else (f"{d} !important" for d in declarations))
            cls = classes.setdefault((root, body), f"hb-s{len(classes)}")
            if _CLASS_ATTRIBUTE.search(attributes):
                attributes = _CLASS_ATTRIBUTE.sub(rf"\g<1>{cls} ", attributes, count=1)
            else:
                attributes += f' class="{cls}"'
        return f"<{name}{attributes}{close}>"

    parts = _STYLE_BLOCK.split(svg)
    parts = [part if part.startswith("<style>") else _TAG.sub(tag, part) for part in parts]
    rules = "".join(
        (f"#{scope}.{cls}{{{body}}}" if root else f"#{scope} .{cls}{{{body}}}") for (root, body), cls in classes.items()
    )
    rules = escape_style(rules)
    out = "".join(parts)
    if not rules:
        return out
    if "<style>" in out:
        return out.replace("<style>", f"<style>{rules}", 1)  # first, so Mermaid's own !important rules still win ties
    return re.sub(r"(<svg\b[^>]*>)", rf"\g<1><style>{rules}</style>", out, count=1)
