"""The Content-Security-Policy of every built page, as a `<meta http-equiv>` (GitHub Pages sets no headers).

The policy lets a page load scripts, styles, images, fonts, connections and workers from the site's own origin
only. Inline `<script>` and `<style>` blocks (Material's small head/body scripts, the Mermaid figures' SVG
`<style>`) are allowed by their SHA-256 hashes, never by 'unsafe-inline'. Each page gets its own hashes when it
is written, and after the build every HTML file gets the union of all pages' hashes: Material's instant
navigation swaps page content in place, so the first page's policy governs the figures and scripts of every
page reached from it. The meta element goes right after `<meta charset>` (which must stay within the first
1024 bytes), before anything that loads or runs.

`style="..."` attributes cannot be allowed by a hash without 'unsafe-hashes', so the site has none: Markdown
tables' `style="text-align: …"` becomes `align="…"`, Mermaid's become classes (figures/mermaid_svg.py), and
any other left in a page stops the build with the page named.
"""

from __future__ import annotations

import base64
import hashlib
import html
import re
from bisect import bisect_left
from pathlib import Path

from mkdocs.exceptions import PluginError

# The search (handbook/search) needs nothing more: its worker is a script of the site (worker-src 'self') that
# fetches JSON pieces of the index from the site (connect-src 'self'), and it uses no WebAssembly, so no
# 'wasm-unsafe-eval' (Pagefind would have needed it in script-src).
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
_STYLE_EQUALS = re.compile(r"style\s*=")  # starts with a literal, so it is found fast
_STYLE_ATTRIBUTE = re.compile(r"<([a-zA-Z][\w:-]*)\b[^<>]*?\sstyle\s*=\s*(\"[^\"]*\"|'[^']*'|[^\s>]+)", re.S)


def _sha256(text: str) -> str:
    text = text.replace("\r\n", "\n").replace("\r", "\n")  # what the HTML parser hands to CSP
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode() + "'"


def inline_hashes(document: str) -> dict[str, set[str]]:
    """SHA-256 sources for each executable inline <script> and each <style> element of an HTML document."""
    document = _META.sub("", document)
    scripts = set()
    for match in _SCRIPT.finditer(document):
        attributes = match.group(1)
        if re.search(r"\ssrc\s*=", attributes, re.I):
            continue
        kind = re.search(r"""\stype\s*=\s*["']?([^"'\s>]*)""", attributes, re.I)
        if kind and kind.group(1).lower() not in _JS_TYPES:
            continue  # a data block (Material's __config JSON) is never run
        scripts.add(_sha256(match.group(2)))
    # Inside an <svg>, <style> is foreign content: entities in its text are decoded before it is hashed.
    opened = [match.start() for match in _SVG_OPEN.finditer(document)]
    closed = [match.start() for match in _SVG_CLOSE.finditer(document)]
    styles = set()
    for match in _STYLE.finditer(document):
        text = match.group(1)
        in_svg = bisect_left(opened, match.start()) > bisect_left(closed, match.start())
        styles.add(_sha256(html.unescape(text) if in_svg else text))
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


def check_style_attributes(document: str, where: str) -> None:
    if not _STYLE_EQUALS.search(document):
        return  # no `style=` anywhere (every page so far): the full search below scans every tag
    visible = _STYLE.sub("", _SCRIPT.sub("", document))
    match = _STYLE_ATTRIBUTE.search(visible)
    if match:
        attribute = f"style={match.group(2)}"
        raise PluginError(
            f"{where}: a <{match.group(1)}> has a {attribute[:80]} attribute, which the Content-Security-Policy "
            "blocks: give it a class and put the rule in docs/assets/stylesheets/handbook.css"
        )


def empty_hashes() -> dict[str, set[str]]:
    return {"scripts": set(), "styles": set()}


def align_attributes(content: str) -> str:
    """Python-Markdown's tables write alignment as a style attribute; Material styles the `align` attribute too."""
    return _ALIGN_STYLE.sub(r'<\1\2 align="\3"', content)


def add_policy(document: str, where: str, site_hashes: dict[str, set[str]]) -> str:
    """The page with its own policy; its hashes join `site_hashes`, the union every page gets after the build."""
    check_style_attributes(document, where)
    hashes = inline_hashes(document)
    for key, found in hashes.items():
        site_hashes[key] |= found
    return with_policy(document, hashes)


def apply_site_policy(site: Path, site_hashes: dict[str, set[str]]) -> None:
    """Give every HTML file under `site` the union of all pages' hashes (instant navigation swaps content in place).

    A file that already carries a policy was checked and hashed when it was written (`add_policy`), so only its
    meta element changes; files written by others (the redirect plugin's pages) are checked and hashed here.
    """
    union: dict[str, set[str]] = {key: set(found) for key, found in site_hashes.items()}
    texts = {path: path.read_text(encoding="utf-8") for path in sorted(site.rglob("*.html"))}
    for path, text in texts.items():
        if f'id="{META_ID}"' not in text:
            check_style_attributes(text, path.relative_to(site).as_posix())
            for key, found in inline_hashes(text).items():
                union[key] |= found
    for path, text in texts.items():
        updated = with_policy(text, union)
        if updated != text:
            path.write_text(updated, encoding="utf-8")
