"""The no-script check (handbook.site_policy.content_checks) as used on pages and on each Mermaid SVG."""

from __future__ import annotations

import pytest

from handbook.site_policy.content_checks import first_script, unsafe_urls

SCRIPT_URLS = [
    '<a href="javascript:alert(1)">x</a>',
    '<A HREF = "javascript:alert(1)">x</A>',
    "<a/href=javascript:alert(1)>x</a>",
    '<a title="t"href="javascript:alert(1)">x</a>',
    '<svg><a xlink:href="javascript:alert(1)"><text>x</text></a></svg>',
    '<a href="&#106;ava&#9;script:alert(1)">x</a>',
    '<form action="vbscript:x"></form>',
    '<iframe srcdoc="x"></iframe><a href="data:text/html,hi">x</a>',
]
HARMLESS = [
    "",
    '<svg><path data-points="W3sie" d="M1,1"/><text>href= src= in text</text></svg>',
    '<a data-href="javascript:x">not a link</a>',
    '<img src="data:image/png;base64,AAAA" alt="">',
    '<a href="https://example.org/">x</a>',
]


@pytest.mark.parametrize("html", SCRIPT_URLS)
def test_script_urls_are_found_however_the_attribute_is_written(html):
    assert unsafe_urls(html)
    assert first_script(html)


@pytest.mark.parametrize("html", HARMLESS)
def test_harmless_html_passes(html):
    assert unsafe_urls(html) == []
    assert first_script(html) is None


@pytest.mark.parametrize(
    "html",
    ["<script>x()</script>", '<p onclick="x()">p</p>', "<svg><g onload=x()></g></svg>", "<object data=x>"],
)
def test_script_elements_and_handlers_are_found(html):
    what, _, advice = first_script(html)
    assert "script" in advice and what
