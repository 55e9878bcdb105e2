"""MkDocs hook: replace each ```mermaid block with its SVG, rendered at build time (`on_page_content`).

Rendering happens once per distinct diagram (cached in `.cache/mermaid/`), in one headless Chromium per
build. An invalid diagram stops the build with the page, the line of the block and Mermaid's message.
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


def on_page_content(content: str, page, config, files) -> str:
    global _renderer
    if '<pre class="mermaid">' not in content:
        return content

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
        return f'<div class="hb-mermaid">{svg}</div>'

    return BLOCK.sub(replace, content)


def on_post_build(config) -> None:
    global _renderer
    if _renderer is not None:
        _renderer.close()
        _renderer = None


def on_build_error(error) -> None:
    on_post_build(None)
