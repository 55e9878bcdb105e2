"""MkDocs hook: a Content-Security-Policy in every built page, as a `<meta http-equiv>` (GitHub Pages sets no headers).

The policy lets a page load scripts, styles, images, fonts, connections and workers from the site's own origin
only. Inline `<script>` and `<style>` blocks (Material's small head/body scripts, the Mermaid figures' SVG
`<style>`) are allowed by their SHA-256 hashes, never by 'unsafe-inline':

- `on_post_page` hashes the blocks of each page and writes the meta element right after `<meta charset>`
  (which must stay within the first 1024 bytes), before anything that loads or runs.
- `on_post_template` does the same for 404.html; `on_post_build` (after the redirects plugin has written its
  pages) rewrites every HTML file with the union of all pages' hashes. The union is needed because Material's
  instant navigation swaps page content in place: the first page's policy then governs the figures and scripts
  of every page reached from it.

`style="..."` attributes cannot be allowed by a hash without 'unsafe-hashes', so the site has none: Markdown
tables' `style="text-align: …"` becomes `align="…"` here (Material styles `[align]` cells), Mermaid's become
classes (hooks/render_mermaid.py), and any other left in a page stops the build with the page named.
"""

from __future__ import annotations

import base64
import hashlib
import html
import re
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

DIRECTIVES = [
    ("default-src", ["'self'"]),
    ("script-src", ["'self'", "{scripts}"]),
    ("style-src", ["'self'", "{styles}"]),
    ("img-src", ["'self'", "data:"]),
    ("font-src", ["'self'"]),
    ("connect-src", ["'self'"]),
    ("worker-src", ["'self'"]),
    ("object-src", ["'none'"]),
    ("base-uri", ["'self'"]),
    ("form-action", ["'self'"]),
]
META_ID = "hb-csp"
_META = re.compile(r'<meta http-equiv="Content-Security-Policy" content="[^"]*" id="hb-csp">\n?')
_CHARSET = re.compile(r"<meta charset=[\"']?utf-8[\"']?\s*/?>", re.I)
_SCRIPT = re.compile(r"<script\b([^>]*)>(.*?)</script\s*>", re.S | re.I)
_STYLE = re.compile(r"<style\b[^>]*>(.*?)</style\s*>", re.S | re.I)
_SVG_OPEN = re.compile(r"<svg\b", re.I)
_SVG_CLOSE = re.compile(r"</svg\s*>", re.I)
_JS_TYPES = {"", "text/javascript", "application/javascript", "module"}
_ALIGN_STYLE = re.compile(r'<(td|th)((?:\s[^<>]*?)?)\sstyle="text-align: (left|right|center);"')
_STYLE_ATTRIBUTE = re.compile(r"<([a-zA-Z][\w:-]*)\b[^<>]*?\sstyle\s*=\s*(\"[^\"]*\"|'[^']*'|[^\s>]+)", re.S)

_site_hashes: dict[str, set[str]] = {"scripts": set(), "styles": set()}


def _sha256(text: str) -> str:
    text = text.replace("\r\n", "\n").replace("\r", "\n")  # what the HTML parser hands to CSP
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode() + "'"


def _in_svg(document: str, position: int) -> bool:
    """True inside an <svg>: there <style> is foreign content, so entities in its text are decoded first."""
    return len(_SVG_OPEN.findall(document, 0, position)) > len(_SVG_CLOSE.findall(document, 0, position))


def inline_hashes(document: str) -> dict[str, set[str]]:
    """SHA-256 sources for each executable inline <script> and each <style> element of an HTML document."""
    document = _META.sub("", document)
    scripts, styles = set(), set()
    for match in _SCRIPT.finditer(document):
        attributes = match.group(1)
        if re.search(r"\ssrc\s*=", attributes, re.I):
            continue
        kind = re.search(r"""\stype\s*=\s*["']?([^"'\s>]*)""", attributes, re.I)
        if kind and kind.group(1).lower() not in _JS_TYPES:
            continue  # a data block (Material's __config JSON) is never run
        scripts.add(_sha256(match.group(2)))
    for match in _STYLE.finditer(document):
        text = match.group(1)
        styles.add(_sha256(html.unescape(text) if _in_svg(document, match.start()) else text))
    return {"scripts": scripts, "styles": styles}


def policy(hashes: dict[str, set[str]]) -> str:
    values = {key: " ".join(sorted(found)) for key, found in hashes.items()}
    parts = []
    for name, sources in DIRECTIVES:
        rendered = " ".join(source.format(**values) for source in sources).strip()
        parts.append(f"{name} {rendered}")
    return "; ".join(parts)


def with_policy(document: str, hashes: dict[str, set[str]]) -> str:
    """The document with one CSP meta element: right after <meta charset>, else first in <head>."""
    document = _META.sub("", document)
    meta = f'<meta http-equiv="Content-Security-Policy" content="{html.escape(policy(hashes), quote=False)}" id="{META_ID}">'
    charset = _CHARSET.search(document)
    if charset and charset.start() < 1024:
        return document[: charset.end()] + "\n" + meta + document[charset.end() :]
    head = re.search(r"<head\b[^>]*>", document, re.I)
    if head is None:
        raise PluginError("a built page has no <head>: the Content-Security-Policy cannot be added")
    return document[: head.end()] + meta + document[head.end() :]


def _check_style_attributes(document: str, where: str) -> None:
    visible = _STYLE.sub("", _SCRIPT.sub("", document))
    match = _STYLE_ATTRIBUTE.search(visible)
    if match:
        attribute = f"style={match.group(2)}"
        raise PluginError(
            f"{where}: a <{match.group(1)}> has a {attribute[:80]} attribute, which the Content-Security-Policy "
            "blocks: give it a class and put the rule in docs/assets/stylesheets/handbook.css"
        )


def on_pre_build(config) -> None:
    for found in _site_hashes.values():
        found.clear()


def on_page_content(content: str, page, config, files) -> str:
    # Python-Markdown's tables write alignment as a style attribute; Material styles the `align` attribute too.
    return _ALIGN_STYLE.sub(r'<\1\2 align="\3"', content)


def _add(document: str, where: str) -> str:
    _check_style_attributes(document, where)
    hashes = inline_hashes(document)
    for key, found in hashes.items():
        _site_hashes[key] |= found
    return with_policy(document, hashes)


@event_priority(-100)  # after every other hook and plugin has changed the page
def on_post_page(output: str, page, config) -> str:
    return _add(output, f"docs/{page.file.src_uri}")


def on_post_template(output_content: str, template_name: str, config) -> str:
    if not template_name.endswith(".html"):
        return output_content
    return _add(output_content, f"the theme's {template_name}")


@event_priority(-100)  # after the redirects plugin has written its pages
def on_post_build(config) -> None:
    site = Path(config["site_dir"])
    pages = sorted(site.rglob("*.html"))
    union: dict[str, set[str]] = {key: set(found) for key, found in _site_hashes.items()}
    texts = {}
    for path in pages:
        texts[path] = path.read_text(encoding="utf-8")
        _check_style_attributes(texts[path], path.relative_to(site).as_posix())
        for key, found in inline_hashes(texts[path]).items():
            union[key] |= found
    for path, text in texts.items():
        updated = with_policy(text, union)
        if updated != text:
            path.write_text(updated, encoding="utf-8")
