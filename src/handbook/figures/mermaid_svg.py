"""Make a Mermaid SVG fit the Content-Security-Policy: its `style` attributes become classes.

Mermaid writes `style="..."` attributes (the SVG's max-width, label layout, `style`/`classDef` colours). The
policy blocks style attributes, so each becomes a class with a rule in the SVG's own `<style>` (covered by that
element's hash): `!important` on inner elements keeps them above the theme's rules, as an inline style was;
the root's max-width stays an ordinary rule, so print.css can still shrink the figure.
"""

from __future__ import annotations

import html
import re

_STYLE_BLOCK = re.compile(r"(<style>.*?</style>)", re.S)
_TAG = re.compile(r"<([A-Za-z][\w:.-]*)(\s[^<>]*?)?(/?)>")
_STYLE_ATTRIBUTE = re.compile(r'\sstyle="([^"]*)"')
_CLASS_ATTRIBUTE = re.compile(r'(\sclass=")')


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
    # Text of an SVG <style> is parsed with entities: escape what could end or alter it.
    rules = rules.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    out = "".join(parts)
    if not rules:
        return out
    if "<style>" in out:
        return out.replace("<style>", f"<style>{rules}", 1)  # first, so Mermaid's own !important rules still win ties
    return re.sub(r"(<svg\b[^>]*>)", rf"\g<1><style>{rules}</style>", out, count=1)
