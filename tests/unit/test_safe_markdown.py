"""Markdown from data files: raw HTML is escaped and script-capable URLs lose their href/src, text kept."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from handbook.rendering import safe_markdown

DATA = Path(__file__).resolve().parents[2] / "data"

UNSAFE_LINKS = [
    "[click](javascript:window.__pwned=1)",
    "[click](JAVASCRIPT:alert(1))",
    "[click]( javascript:alert(1) )",
    "[click](java\tscript:alert(1))",  # browsers drop tabs inside the scheme
    "[click](&#106;avascript:alert(1))",  # and decode entities first
    "[click](&#x6A;avascript&#58;alert(1))",
    "[click](vbscript:msgbox(1))",
    "[click](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
    "[click](<javascript:alert(1)>)",
    '[click](javascript:alert(1) "a title")',
    "[click][ref]\n\n[ref]: javascript:alert(1)",
    "[click][ref]\n\n[ref]: data:text/html,<script>alert(1)</script>",
]


@pytest.mark.parametrize("text", UNSAFE_LINKS)
def test_script_capable_link_loses_its_href_and_keeps_its_text(text):
    html = safe_markdown.block(text)
    assert "click" in html
    assert "href" not in html, html
    assert not re.search(r"(?i)javascript|vbscript|data:", html.replace("data-unsafe-url", "")), html


@pytest.mark.parametrize(
    "text",
    [
        "![a diagram](javascript:alert(1))",
        "![a diagram](data:image/svg+xml;base64,PHN2Zz48L3N2Zz4=)",
        "![a diagram](VBScript:x)",
    ],
)
def test_script_capable_image_loses_its_src_and_keeps_its_alt(text):
    html = safe_markdown.inline(text)
    assert 'alt="a diagram"' in html
    assert "src=" not in html, html


@pytest.mark.parametrize(
    "text, href",
    [
        ("[docs](https://www.postgresql.org/docs/)", "https://www.postgresql.org/docs/"),
        ("[page](../data/replication.md#top)", "../data/replication.md#top"),
        ("[anchor](#section)", "#section"),
        ("[mail](mailto:someone@example.com)", "mailto:someone@example.com"),
        ("[a file](javascript-notes.md)", "javascript-notes.md"),  # a relative path, not a scheme
        ("[a path](data/quizzes.md)", "data/quizzes.md"),
    ],
)
def test_ordinary_links_are_kept(text, href):
    assert f'href="{href}"' in safe_markdown.inline(text)


def test_javascript_in_link_text_or_code_is_just_text():
    html = safe_markdown.block("Never write `javascript:alert(1)` in a [javascript: link](https://example.com).")
    assert '<a href="https://example.com">javascript: link</a>' in html
    assert "<code>javascript:alert(1)</code>" in html


@pytest.mark.parametrize(
    "text, shown",
    [
        ("<script>window.__pwned=1</script>", "&lt;script&gt;window.__pwned=1&lt;/script&gt;"),
        ("<img src=x onerror=alert(1)>", "&lt;img src=x onerror=alert(1)&gt;"),
        ('<a href="javascript:alert(1)">x</a>', "&lt;a href=&quot;javascript:alert(1)&quot;&gt;x&lt;/a&gt;"),
    ],
)
def test_raw_html_is_escaped(text, shown):
    html = safe_markdown.inline(text)
    assert "<script" not in html and "<img" not in html and "<a " not in html
    assert html.replace("&quot;", '"') == shown.replace("&quot;", '"')


def test_table_alignment_is_an_attribute_not_a_style():
    html = safe_markdown.block("| a | b |\n| --: | :-: |\n| 1 | 2 |\n")
    assert 'align="right"' in html and 'align="center"' in html
    assert "style=" not in html


def test_is_unsafe_url():
    assert safe_markdown.is_unsafe_url(" \x01JavaScript:x")
    assert safe_markdown.is_unsafe_url("data:image/png;base64,AAAA")
    assert not safe_markdown.is_unsafe_url("https://example.com/javascript:")
    assert not safe_markdown.is_unsafe_url("./data:x")


# Plain one-line text skips the converter: whatever the text, that shortcut must give what converting it gives.
_TRICKY = "abcXYZ019 \t\n\r\u00a0\u2003\u2028\u0085.,;:!?#=+-()[]{}<>&*_`~^|\\/'\"$%@é×−→\x00\x1f\x7f"


@settings(max_examples=1000, deadline=None)
@given(st.text(alphabet=st.sampled_from(_TRICKY), max_size=24) | st.text(max_size=24))
def test_the_plain_text_shortcut_renders_what_the_converter_does(text):
    assert safe_markdown.block(text) == safe_markdown.convert(text)
    full = safe_markdown.convert(text)
    match = re.fullmatch(r"<p>(.*)</p>", full, re.DOTALL)
    expected = match.group(1) if match and "<p>" not in match.group(1) else full
    assert safe_markdown.inline(text) == expected


def test_every_data_field_renders_as_the_converter_renders_it():
    """The same over every text the handbook's data files hold (quizzes, checklists, practice, matrices)."""
    fields = [value for path in sorted(DATA.rglob("*.yml")) for value in _strings(yaml.safe_load(path.read_text()))]
    assert len(fields) > 5000
    plain = [text for text in fields if safe_markdown.block(text) == f"<p>{text}</p>"]
    assert len(plain) > len(fields) / 2, "the shortcut should apply to most fields"
    for text in plain:  # the others go through the converter anyway
        assert safe_markdown.convert(text) == f"<p>{text}</p>", text


def _strings(value):
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from _strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from _strings(item)
