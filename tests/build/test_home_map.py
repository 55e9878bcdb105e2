"""The home page's map is generated from the nav: every page appears in it, and a section needs its blurb."""

from __future__ import annotations

import re

import pytest
from mkdocs.config import load_config
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import get_files
from mkdocs.structure.nav import Section, get_navigation

from handbook.rendering.home_map import render_map
from tests.conftest import ROOT


@pytest.fixture(scope="module")
def nav():
    config = load_config(config_file=str(ROOT / "mkdocs.yml"))
    return get_navigation(get_files(config), config)


def test_every_page_in_the_nav_is_on_the_home_page_map(site_dir, nav):
    html = (site_dir / "index.html").read_text(encoding="utf-8")
    grid = html[html.index('class="grid cards"') : html.index('id="where-to-start"')]
    linked = set(re.findall(r'<a href="([^"#]+)"', grid))
    expected = {page.url for page in nav.pages if page.url}  # the home page itself has the empty URL
    assert linked == expected


def test_a_section_without_a_blurb_or_an_unknown_blurb_stops_the_build(nav):
    blurbs = {item.title: "x" for item in nav.items if isinstance(item, Section)} | {"Reference": "x"}
    assert "grid cards" in render_map(nav, "index.md", blurbs)
    with pytest.raises(
        PluginError, match=r'docs/index\.md: handbook_map\(\): no blurb for the nav section "Resilience"'
    ):
        render_map(nav, "index.md", {k: v for k, v in blurbs.items() if k != "Resilience"})
    with pytest.raises(PluginError, match=r'a blurb for "Quiz time", which is not a top-level nav section'):
        render_map(nav, "index.md", blurbs | {"Quiz time": "x"})
