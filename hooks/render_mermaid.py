"""MkDocs hook: replace each ```mermaid block with its SVG, rendered at build time (`on_page_content`).

Rendering happens once per distinct diagram (cached in `.cache/mermaid/`), in one headless Chromium per
build. An invalid diagram stops the build with the page, the line of the block and Mermaid's message.

Mermaid writes `style="..."` attributes (the SVG's max-width, label layout, `style`/`classDef` colours). The
Content-Security-Policy blocks style attributes, so each becomes a class with a rule in the SVG's own
`<style>` (covered by that element's hash): `!important` on inner elements keeps them above the theme's rules,
as an inline style was; the root's max-width stays an ordinary rule, so print.css can still shrink the figure.
"""

from __future__ import annotations

import html
import os
import re
import sys
from pathlib import Path

from mkdocs.exceptions import PluginError

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from macros.mermaid_render import MermaidError, MermaidRenderer  # noqa: E402

CACHE = Path(os.environ.get("HANDBOOK_MERMAID_CACHE", ROOT / ".cache" / "mermaid"))
BLOCK = re.compile(r'<pre class="mermaid"><code>(.*?)</code></pre>', re.S)
_renderer: MermaidRenderer | None = None


def _line_of(page, source: str) -> str:
    first = source.strip().splitlines()[0].strip()
    lines = page.file.content_string.splitlines()
    hits = [n for n, text in enumerate(lines, 1) if text.strip() == first and n > 1 and "mermaid" in lines[n - 2]]
    return f":{hits[0] - 1}" if hits else ""


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


_pending: dict[str, list[str]] = {}  # page -> its rendered figures, until on_post_page places them
_PLACEHOLDER = '<div class="hb-mermaid" data-mermaid-figure="{}"></div>'


def on_page_content(content: str, page, config, files) -> str:
    """Render (and so validate) every figure now; leave a placeholder that `on_post_page` fills.

    Placing the SVG only in the finished page keeps its markup and labels out of the search index and out of
    the other hooks' work, which parsing it would otherwise double.
    """
    global _renderer
    if '<pre class="mermaid">' not in content:
        return content
    figures = _pending.setdefault(page.file.src_uri, [])

    def replace(match: re.Match) -> str:
        global _renderer
        source = html.unescape(match.group(1))
        try:
            if _renderer is None:
                _renderer = MermaidRenderer(CACHE)
            svg = _renderer.render(source)
        except MermaidError as exc:
            where = f"docs/{page.file.src_uri}{_line_of(page, source)}"
            raise PluginError(f"{where}: the Mermaid figure does not render: {exc}") from None
        figures.append(f'<div class="hb-mermaid">{move_style_attributes(svg)}</div>')
        return _PLACEHOLDER.format(len(figures) - 1)

    return BLOCK.sub(replace, content)


def on_post_page(output: str, page, config) -> str:
    for number, figure in enumerate(_pending.pop(page.file.src_uri, [])):
        output = output.replace(_PLACEHOLDER.format(number), figure, 1)
    return output


def on_post_build(config) -> None:
    global _renderer
    _pending.clear()
    if _renderer is not None:
        _renderer.close()
        _renderer = None


def on_build_error(error) -> None:
    on_post_build(None)
