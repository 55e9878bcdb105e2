"""Every built page carries the Content-Security-Policy, and the policy covers exactly what the page inlines."""

from __future__ import annotations

import re

from handbook.site_policy import csp

META = re.compile(r'<meta http-equiv="Content-Security-Policy" content="([^"]*)"')
REQUIRED = [
    "default-src 'self'",
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "worker-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
]


def _pages(site_dir):
    pages = sorted(site_dir.rglob("*.html"))
    assert len(pages) > 10
    return pages


def test_every_page_has_the_policy_first_in_head_and_no_unsafe_source(site_dir):
    for path in _pages(site_dir):
        text = path.read_text(encoding="utf-8")
        metas = META.findall(text)
        assert len(metas) == 1, f"{path}: {len(metas)} CSP meta elements"
        policy = metas[0]
        assert "unsafe-inline" not in policy and "unsafe-eval" not in policy and "unsafe-hashes" not in policy
        for directive in REQUIRED:
            assert directive in policy.split("; "), f"{path}: {directive!r} missing from {policy!r}"
        head = text[text.index("<head>") + len("<head>") :]
        elements = re.findall(r"<(?!!--)([a-z]+)\b[^>]*>", head)[:2]
        # <meta charset> must be within the first 1024 bytes; the policy comes right after it, before any
        # stylesheet, script or other resource.
        assert elements == ["meta", "meta"], f"{path}: head starts with {elements}"
        assert re.search(r"<head>\s*<meta charset=\"utf-8\">\s*<meta http-equiv=\"Content-Security-Policy\"", text)
        assert text.index('<meta charset="utf-8">') < 1024


def test_the_policy_covers_every_inline_script_and_style(site_dir):
    for path in _pages(site_dir):
        text = path.read_text(encoding="utf-8")
        policy = dict(part.split(" ", 1) for part in META.search(text).group(1).split("; "))
        hashes = csp.inline_hashes(text)
        for source in hashes["scripts"]:
            assert source in policy["script-src"].split(), f"{path}: inline script {source} not allowed"
        for source in hashes["styles"]:
            assert source in policy["style-src"].split(), f"{path}: inline style {source} not allowed"


def test_no_page_has_a_style_attribute_or_event_handler(site_dir):
    for path in _pages(site_dir):
        text = re.sub(r"<(script|style)\b.*?</\1>", "", path.read_text(encoding="utf-8"), flags=re.S)
        assert not re.search(r"<[a-zA-Z][^<>]*\sstyle\s*=", text), f"{path}: a style attribute"
        assert not re.search(r"<[a-zA-Z][^<>]*\son[a-z]+\s*=", text), f"{path}: an inline event handler"


def test_hashes_follow_the_html_parser():
    """Text of an SVG <style> is parsed with entities decoded (foreign content); an HTML <style> is raw text."""
    svg = "<svg><style>a&gt;b{}</style></svg>"
    assert csp.inline_hashes(svg)["styles"] == {csp._sha256("a>b{}")}
    assert csp.inline_hashes("<style>a&gt;b{}</style>")["styles"] == {csp._sha256("a&gt;b{}")}
    assert csp.inline_hashes('<script type="application/json">{}</script><script src="x.js"></script>') == {
        "scripts": set(),
        "styles": set(),
    }
