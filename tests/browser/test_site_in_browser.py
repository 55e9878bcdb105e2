"""The built site in headless Chromium: search, figures, Mermaid, colour scheme, and no third-party requests."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser


def foreign(page) -> list[str]:
    return [
        url
        for url in page.requests
        if urlsplit(url).hostname not in {"127.0.0.1", None} and not url.startswith(("data:", "blob:"))
    ]


def test_search_suggests_and_highlights(page):
    page.goto("data/replication/")
    page.locator("label.md-search__icon, .md-search__input").first.click()
    page.locator(".md-search__input").press_sequentially("follower", delay=30)
    results = page.locator(".md-search-result__item")
    expect(results.first).to_be_visible(timeout=10_000)
    expect(page.locator(".md-search-result__meta")).to_contain_text(re.compile(r"\d+ matching document"))
    href = results.first.locator("a").first.get_attribute("href")
    assert "h=follower" in href, "search.highlight adds the term to result links"
    assert foreign(page) == []


def test_figure_loads_with_its_icons_and_no_other_request(page, site_url):
    page.goto("data/replication/")
    image = page.locator("figure.hb-figure img").first
    image.scroll_into_view_if_needed()
    expect(image).to_have_attribute("alt", re.compile(r"\w+ \w+ \w+"))
    page.wait_for_function("img => img.complete && img.naturalWidth > 0", arg=image.element_handle())
    svg_url = page.evaluate("img => img.src", image.element_handle())
    page.requests.clear()
    page.goto(svg_url)
    # Opened on its own, the SVG draws its icons from embedded data: the only request is the SVG itself.
    assert page.requests == [svg_url]
    icons = page.locator("symbol image")
    assert icons.count() >= 1 and all(
        (icons.nth(i).get_attribute("xlink:href") or icons.nth(i).get_attribute("href")).startswith("data:image/png")
        for i in range(icons.count())
    )
    assert page.locator("use").count() >= 1
    assert foreign(page) == []


def test_mermaid_figures_arrive_as_svg_and_follow_dark_mode(browser, site_url):
    colours = []
    for scheme in ("light", "dark"):
        context = browser.new_context(base_url=site_url, color_scheme=scheme)
        try:
            tab = context.new_page()
            requests = []
            tab.on("request", lambda request, requests=requests: requests.append(request.url))
            tab.goto("resilience/circuit-breakers-and-bulkheads/")
            figure = tab.locator(".hb-mermaid svg").first
            figure.scroll_into_view_if_needed()
            assert figure.bounding_box()["height"] > 50
            colours.append(figure.locator("rect, polygon, path").first.evaluate("e => getComputedStyle(e).fill"))
            assert not any("mermaid" in url for url in requests), "no Mermaid code is downloaded by readers"
            assert [u for u in requests if not u.startswith(site_url)] == []
        finally:
            context.close()
    assert colours[0] != colours[1], "the figure's colours come from the light and dark palettes"


def test_instant_navigation_keeps_the_page_shell(page):
    page.goto("")
    page.wait_for_load_state("networkidle")  # instant navigation starts once it has read sitemap.xml
    page.evaluate("window.__shell = true")
    page.locator(".md-nav__link[href$='replication/']").first.click()
    expect(page).to_have_url(re.compile(r"data/replication/$"))
    assert page.evaluate("window.__shell === true"), "navigation happened without a full reload"
    assert foreign(page) == []


@pytest.mark.parametrize("scheme, expected", [("dark", "slate"), ("light", "default")])
def test_colour_scheme_follows_the_system_setting(browser, site_url, scheme, expected):
    context = browser.new_context(base_url=site_url, color_scheme=scheme)
    try:
        tab = context.new_page()
        tab.goto("")
        assert tab.evaluate("document.body.getAttribute('data-md-color-scheme')") == expected
    finally:
        context.close()


def test_edit_link_points_at_the_page_source(page):
    page.goto("data/replication/")
    edit = page.locator("a.md-content__button[href*='/edit/']").first
    assert edit.get_attribute("href").endswith("/edit/main/docs/data/replication.md")
