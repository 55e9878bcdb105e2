"""Render Markdown from data files with raw HTML escaped, so YAML can never inject markup or script."""

from __future__ import annotations

import re
from functools import lru_cache

import markdown

_EXTENSIONS = [
    "sane_lists",
    "tables",
    "pymdownx.betterem",
    "pymdownx.superfences",
    "pymdownx.highlight",
    "pymdownx.inlinehilite",
]
_EXTENSION_CONFIGS = {"pymdownx.highlight": {"use_pygments": True, "anchor_linenums": False}}


@lru_cache(maxsize=1)
def _renderer() -> markdown.Markdown:
    md = markdown.Markdown(extensions=_EXTENSIONS, extension_configs=_EXTENSION_CONFIGS)
    # Without these two, `<script>` in a prompt would reach the page as markup.
    md.preprocessors.deregister("html_block")
    md.inlinePatterns.deregister("html")
    return md


def block(text: str) -> str:
    """Markdown to HTML, block level (paragraphs, lists, code)."""
    md = _renderer()
    md.reset()
    return md.convert(text)


_ONE_PARAGRAPH = re.compile(r"^<p>(.*)</p>$", re.DOTALL)


def inline(text: str) -> str:
    """Markdown to HTML without the wrapping paragraph, for prompts, choices and items."""
    html = block(text)
    match = _ONE_PARAGRAPH.match(html)
    return match.group(1) if match and "<p>" not in match.group(1) else html
