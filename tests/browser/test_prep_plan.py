"""The prep plan's tracks: the home page leads to each, its boxes tick and persist with the checklist machinery,
and each prints on one page of A4 and of Letter. The split itself is checked in tests/unit/test_prep_plan_split.py.
"""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

TRACKS = ["plan-7-weeks", "plan-4-weeks", "plan-3-weeks", "plan-2-weeks", "plan-last-day"]
READY = ".hb-checklist[data-hb-ready]"


def pdf_pages(pdf: bytes) -> int:
    return len(re.findall(rb"/Type\s*/Page[^s]", pdf))


def url(track: str) -> str:
    return f"start/{track}/"


def test_the_home_page_and_the_prep_plan_lead_to_every_track(site_dir):
    for page in ("index.html", "start/prep-plan/index.html"):
        html = (site_dir / page).read_text(encoding="utf-8")
        linked = set(re.findall(r'href="(?:\.\./)*(?:start/)?(plan-[a-z0-9-]+)/"', html))
        assert linked == set(TRACKS), f"{page} links {sorted(linked)}"


def test_a_ticked_plan_box_survives_a_reload(page):
    page.goto(url("plan-3-weeks"), wait_until="domcontentloaded")
    expect(page.locator(READY)).to_be_attached()
    # An item whose text starts with words, not a link: clicking its first word ticks it, as a reader would.
    first = page.evaluate(
        "() => Array.from(document.querySelectorAll('.hb-check__text')).findIndex("
        "t => t.firstChild && t.firstChild.nodeType === Node.TEXT_NODE && t.firstChild.textContent.trim())"
    )
    assert first >= 0
    item = page.locator(".hb-check").nth(first)
    item_id = item.get_attribute("data-item-id")
    box = item.get_by_role("checkbox")
    expect(box).to_be_enabled()
    expect(box).not_to_be_checked()
    item.locator(".hb-check__text").click(position={"x": 3, "y": 5})
    expect(box).to_be_checked()
    expect(page.locator(".hb-checklist__count-visible").first).to_have_text(re.compile(r"^1/\d+$"))
    page.reload()
    expect(page.locator(READY)).to_be_attached()
    expect(page.locator(f".hb-check[data-item-id='{item_id}']").get_by_role("checkbox")).to_be_checked()
    stored = page.evaluate("JSON.parse(localStorage.getItem('hb-progress'))")
    assert stored["checklists"]["plan-3-weeks"][item_id]["checked"] is True


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_every_track_prints_on_one_page_of_a4_and_letter(browser, site_url, scheme):
    context = browser.new_context(base_url=site_url, viewport={"width": 1280, "height": 900}, color_scheme=scheme)
    page = context.new_page()
    for track in TRACKS:
        page.emulate_media(media="screen")
        page.goto(url(track), wait_until="domcontentloaded")
        expect(page.locator(READY)).to_be_attached()
        expect(page.locator(".hb-check")).not_to_have_count(0)
        page.emulate_media(media="print")
        for paper in ("A4", "Letter"):
            pdf = page.pdf(format=paper, margin={side: "0.4in" for side in ("top", "bottom", "left", "right")})
            assert pdf_pages(pdf) == 1, f"{track} prints on {pdf_pages(pdf)} {paper} pages"
    context.close()
