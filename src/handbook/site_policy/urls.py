"""The scheme of a URL as a browser reads it: one rule for the data renderer and the page checks."""

from __future__ import annotations

import html
import re

# Browsers ignore ASCII whitespace and control characters inside a scheme (`java\tscript:` runs) and decode
# entities before they look at it.
_IGNORED_IN_SCHEME = re.compile(r"[\x00-\x20\x7f]+")
_SCHEME = re.compile(r"([a-z][a-z0-9+.-]*):")
SCRIPT_SCHEMES = ("javascript", "vbscript")


def url_scheme(url: str) -> str:
    """`javascript` for `&#106;ava&#9;Script:alert(1)`; empty for a relative URL."""
    match = _SCHEME.match(_IGNORED_IN_SCHEME.sub("", html.unescape(url)).lower())
    return match.group(1) if match else ""
