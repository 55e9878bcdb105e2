"""Decision matrices print on one page of A4 and of US Letter, and scroll inside their block on a phone."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser


def matrix_pages(site_dir) -> list[str]:
    return sorted(
        p.parent.relative_to(site_dir).as_posix() + "/"
        for p in site_dir.glob("**/index.html")
        if 'class="hb-matrix"' in p.read_text(encoding="utf-8")
    )


def test_every_decision_matrix_prints_on_one_page_of_a4_and_letter(page, site_dir):
    urls = matrix_pages(site_dir)
    assert len(urls) >= 2, "the built site has the which-store and which-queue matrices"
    for url in urls:
        page.emulate_media(media="screen")
        page.goto(url, wait_until="domcontentloaded")
        rows = page.locator(".hb-matrix tbody tr")
        expect(rows.first).to_be_attached()
        last_row = rows.nth(rows.count() - 1).locator("th").inner_text()
        page.emulate_media(media="print")
        for paper in ("A4", "Letter"):
            pdf = page.pdf(format=paper, margin={side: "0.4in" for side in ("top", "bottom", "left", "right")})
            pages = len(re.findall(rb"/Type\s*/Page[^s]", pdf))
            assert pages == 1, f"{url} ({last_row!r} is its last row) prints on {pages} {paper} pages"


def test_on_a_phone_the_matrix_scrolls_inside_its_block_not_the_page(browser, site_url, site_dir):
    context = browser.new_context(viewport={"width": 390, "height": 844}, color_scheme="dark")
    phone = context.new_page()
    try:
        for url in matrix_pages(site_dir):
            phone.goto(site_url + url, wait_until="domcontentloaded")
            block = phone.locator(".hb-matrix")
            expect(block).to_be_visible()
            page_overflow = phone.evaluate("document.documentElement.scrollWidth - window.innerWidth")
            assert page_overflow <= 1, f"{url}: the page scrolls sideways by {page_overflow}px"
            widths = block.evaluate("b => [b.scrollWidth, b.clientWidth]")
            assert widths[0] > widths[1], f"{url}: the table is squeezed to the screen instead of scrolling"
    finally:
        context.close()
