"""Pages may not carry script: a check of each page's rendered HTML.

Pages are Markdown with raw HTML allowed (for Material's building blocks), so a pull request could add a
`<script>`, an inline event handler, a `javascript:`/`vbscript:` URL, or a link or frame to a `data:` document;
this stops the build instead. Site behaviour lives in `docs/assets/javascripts/`, where a reviewer sees it as
code. Images may use `data:image/...` (figures and Material's icons do): an image cannot run script.

URLs are read as the browser reads them (entities decoded, whitespace and control characters in the scheme
ignored), so `&#106;avascript:` or `java&#9;script:` are caught too.
"""

from __future__ import annotations

import re

import lxml.html
from mkdocs.exceptions import PluginError

from handbook.site_policy.urls import SCRIPT_SCHEMES, url_scheme

FORBIDDEN = [
    (re.compile(r"<\s*(script|iframe|object|embed)\b", re.I), "a <{0}> element"),
    (re.compile(r"<[a-z][^>]*\s(on[a-z]+)\s*=", re.I), "an inline event handler ({0}=)"),
]
# Attributes holding a URL the browser may navigate to, load or submit to.
URL_ATTRIBUTES = {"href", "src", "action", "formaction", "xlink:href", "data", "poster", "srcdoc"}
# Elements where a `data:` URL opens a document (which can run script) rather than showing an image.
DOCUMENT_ELEMENTS = {"a", "area", "iframe", "frame", "object", "embed", "form", "button", "base", "link"}


def unsafe_urls(html_text: str) -> list[tuple[str, str]]:
    """(what, the attribute's value) for each script-capable URL in the HTML, parsed with lxml (entities decoded)."""
    if not html_text.strip():
        return []
    found = []
    for element in lxml.html.fragment_fromstring(html_text, create_parent="div").iter():
        if not isinstance(element.tag, str):
            continue  # comments and processing instructions
        for name, value in element.attrib.items():
            if name not in URL_ATTRIBUTES or not value:
                continue
            scheme = url_scheme(value)
            if scheme in SCRIPT_SCHEMES:
                found.append((f"a {scheme}: URL in <{element.tag} {name}>", value))
            elif scheme == "data" and element.tag in DOCUMENT_ELEMENTS:
                found.append((f"a data: URL in <{element.tag} {name}>", value))
    return found


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


def first_script(html_text: str) -> tuple[str, list[str], str] | None:
    """What the first script-capable thing in the HTML is, text to find it by in the source, and what to do."""
    for pattern, what in FORBIDDEN:
        match = pattern.search(html_text)
        if match:
            return what.format(match.group(1)), [match.group(1)], _NO_SCRIPT
    found = unsafe_urls(html_text)
    if not found:
        return None
    what, value = found[0]
    if "data:" in what:
        advice = "a data: document can run script; save the file under docs/ and link to it"
    else:
        advice = _NO_SCRIPT
    return what, [value, value[:40], *re.findall(r"[\w#&;:.-]{4,}", value)], advice


def check_page(html_text: str, page) -> None:
    """Raise PluginError naming the page and line when its HTML could run script."""
    if found := first_script(html_text):
        what, needles, advice = found
        raise _fail(page, what, needles, advice)
