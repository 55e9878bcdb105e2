"""MkDocs hook: pages may not carry script. Runs on each page's rendered HTML (`on_page_content`).

Pages are Markdown with raw HTML allowed (for Material's building blocks), so a pull request could add a
`<script>`, an inline event handler or a `javascript:` URL; this stops the build instead. Site behaviour lives
in `docs/assets/javascripts/`, where a reviewer sees it as code.
"""

from __future__ import annotations

import re

from mkdocs.exceptions import PluginError

FORBIDDEN = [
    (re.compile(r"<\s*(script|iframe|object|embed)\b", re.I), "a <{0}> element"),
    (re.compile(r"<[a-z][^>]*\s(on[a-z]+)\s*=", re.I), "an inline event handler ({0}=)"),
    (re.compile(r"""(?:href|src|action)\s*=\s*["']?\s*(javascript):""", re.I), "a {0}: URL"),
]


def on_page_content(html: str, page, config, files) -> str:
    for pattern, what in FORBIDDEN:
        match = pattern.search(html)
        if match:
            source = page.file.content_string
            needle = match.group(1)
            line = next((n for n, text in enumerate(source.splitlines(), 1) if needle.lower() in text.lower()), None)
            where = f"docs/{page.file.src_uri}" + (f":{line}" if line else "")
            raise PluginError(
                f"{where}: the page contains {what.format(match.group(1))}: pages may not run script; "
                "put behaviour in docs/assets/javascripts/ and initialise it through document$"
            )
    return html
