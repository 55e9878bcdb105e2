"""Pages may not carry script: a check of each page's rendered HTML.

Pages are Markdown with raw HTML allowed (for Material's building blocks), so a pull request could add a
`<script>`, an inline event handler, a `javascript:`/`vbscript:` URL, or a link or frame to a `data:` document;
this stops the build instead. Site behaviour lives in `docs/assets/javascripts/`, where a reviewer sees it as
code. Images may use `data:image/...` (figures and Material's icons do): an image cannot run script.

URLs are read as the browser reads them (entities decoded, whitespace and control characters in the scheme
ignored), so `&#106;avascript:` or `java&#9;script:` are caught too.
"""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser

from mkdocs.exceptions import PluginError

FORBIDDEN = [
    (re.compile(r"<\s*(script|iframe|object|embed)\b", re.I), "a <{0}> element"),
    (re.compile(r"<[a-z][^>]*\s(on[a-z]+)\s*=", re.I), "an inline event handler ({0}=)"),
]
# Attributes holding a URL the browser may navigate to, load or submit to.
URL_ATTRIBUTES = {"href", "src", "action", "formaction", "xlink:href", "data", "poster", "srcdoc"}
SCRIPT_SCHEMES = ("javascript", "vbscript")
# Elements where a `data:` URL opens a document (which can run script) rather than showing an image.
DOCUMENT_ELEMENTS = {"a", "area", "iframe", "frame", "object", "embed", "form", "button", "base", "link"}
_IGNORED_IN_SCHEME = re.compile(r"[\x00-\x20\x7f]+")


def _scheme(url: str) -> str:
    match = re.match(r"([a-z][a-z0-9+.-]*):", _IGNORED_IN_SCHEME.sub("", html.unescape(url)).lower())
    return match.group(1) if match else ""


class _UnsafeUrls(HTMLParser):
    """Collect (what, raw tag) for each script-capable URL in the page's HTML."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[tuple[str, str]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if name not in URL_ATTRIBUTES or not value:
                continue
            scheme = _scheme(value)
            if scheme in SCRIPT_SCHEMES:
                self.found.append((f"a {scheme}: URL in <{tag} {name}>", self.get_starttag_text() or ""))
            elif scheme == "data" and tag in DOCUMENT_ELEMENTS:
                self.found.append((f"a data: URL in <{tag} {name}>", self.get_starttag_text() or ""))

    handle_startendtag = handle_starttag


def _line(source: str, needles: list[str]) -> int | None:
    lines = source.splitlines()
    for needle in needles:
        needle = needle.strip().lower()
        if not needle:
            continue
        hit = next((n for n, text in enumerate(lines, 1) if needle in text.lower()), None)
        if hit:
            return hit
    return None


def _fail(page, what: str, needles: list[str], advice: str) -> PluginError:
    line = _line(page.file.content_string, needles)
    where = f"docs/{page.file.src_uri}" + (f":{line}" if line else "")
    return PluginError(f"{where}: the page contains {what}: {advice}")


_NO_SCRIPT = "pages may not run script; put behaviour in docs/assets/javascripts/ and initialise it through document$"


def check_page(html_text: str, page) -> None:
    """Raise PluginError naming the page and line when its HTML could run script."""
    for pattern, what in FORBIDDEN:
        match = pattern.search(html_text)
        if match:
            raise _fail(page, what.format(match.group(1)), [match.group(1)], _NO_SCRIPT)
    scanner = _UnsafeUrls()
    scanner.feed(html_text)
    scanner.close()
    if scanner.found:
        what, tag = scanner.found[0]
        values = re.findall(r"""=\s*["']?([^"'\s>]{4,})""", tag)
        if "data:" in what:
            advice = "a data: document can run script; save the file under docs/ and link to it"
        else:
            advice = _NO_SCRIPT
        raise _fail(page, what, [*values, tag], advice)
