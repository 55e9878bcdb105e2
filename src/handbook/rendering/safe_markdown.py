"""Render Markdown from data files with raw HTML escaped, so YAML can never inject markup or script.

Links and images are kept, but a URL whose scheme can run script or carry a document (`javascript:`,
`vbscript:`, `data:`) loses its `href`/`src`: the link text (or the image's alt text) stays, as plain text.
"""

from __future__ import annotations

import re
from functools import lru_cache
from xml.etree.ElementTree import Element

import markdown
from markdown.treeprocessors import Treeprocessor

from handbook.site_policy.urls import url_scheme

_EXTENSIONS = [
    "sane_lists",
    "tables",
    "pymdownx.betterem",
    "pymdownx.superfences",
    "pymdownx.highlight",
    "pymdownx.inlinehilite",
]
_EXTENSION_CONFIGS = {
    "pymdownx.highlight": {"use_pygments": True, "anchor_linenums": False},
    # `align="right"`, not `style="text-align: right"`: the Content-Security-Policy blocks style attributes.
    "tables": {"use_align_attribute": True},
}

UNSAFE_SCHEMES = ("javascript", "vbscript", "data")
_URL_ATTRIBUTES = ("href", "src")


def is_unsafe_url(url: str) -> bool:
    """True when `url` would run script or open an inline document (javascript:, vbscript:, data:)."""
    return url_scheme(url) in UNSAFE_SCHEMES


class _NeutraliseUnsafeUrls(Treeprocessor):
    """Drop script-capable URLs from links and images; the element (its text, its alt) stays."""

    def run(self, root: Element) -> None:
        for element in root.iter():
            for attribute in _URL_ATTRIBUTES:
                value = element.get(attribute)
                if value is not None and is_unsafe_url(value):
                    del element.attrib[attribute]
                    element.set("data-unsafe-url", "removed")


@lru_cache(maxsize=1)
def _renderer() -> markdown.Markdown:
    md = markdown.Markdown(extensions=_EXTENSIONS, extension_configs=_EXTENSION_CONFIGS)
    # Without these two, `<script>` in a prompt would reach the page as markup.
    md.preprocessors.deregister("html_block")
    md.inlinePatterns.deregister("html")
    # After "inline" (20), which turns `[text](url)` into <a>, and before serialisation.
    md.treeprocessors.register(_NeutraliseUnsafeUrls(md), "hb_unsafe_urls", 5)
    return md


def convert(text: str) -> str:
    """Markdown to HTML through the full converter, block level."""
    md = _renderer()
    md.reset()
    return md.convert(text)


# One line of plain words: it starts with a letter, and holds no character any of the enabled extensions gives a
# meaning (emphasis, code, links, escapes, entities, tables) or the serialiser escapes (`&`, `<`, `>`). About
# three in four quiz fields are like this; converting them is a quarter of a clean build's Markdown time.
_WORD_CHARACTER = r"[^\x00-\x1f\x7f-\x9f\u2028\u2029\\`*_\[\]<>&|~]"
_PLAIN = re.compile(rf"[^\W\d_](?:{_WORD_CHARACTER}*(?!\s){_WORD_CHARACTER})?\Z")


def block(text: str) -> str:
    """Markdown to HTML, block level (paragraphs, lists, code)."""
    if _PLAIN.match(text):
        return f"<p>{text}</p>"  # what `convert` returns for it, without parsing it
    return convert(text)


_ONE_PARAGRAPH = re.compile(r"^<p>(.*)</p>$", re.DOTALL)


def inline(text: str) -> str:
    """Markdown to HTML without the wrapping paragraph, for prompts, choices and items."""
    if _PLAIN.match(text):
        return text
    html = convert(text)
    match = _ONE_PARAGRAPH.match(html)
    return match.group(1) if match and "<p>" not in match.group(1) else html
