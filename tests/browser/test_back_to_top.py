"""On a phone, Material's back-to-top pill sits in the header bar, clear of the headings and of the header's
own title and buttons (it used to float over the first lines of text under the header)."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

PHONE = {"width": 390, "height": 844}


def overlaps(a: dict, b: dict) -> bool:
    return (
        a["x"] < b["x"] + b["width"]
        and b["x"] < a["x"] + a["width"]
        and a["y"] < b["y"] + b["height"]
        and b["y"] < a["y"] + a["height"]
    )


# The boxes of each heading's text (not its full-width block) where it shows, below the header (the header hides
# what scrolls under it), and of the header's title text and buttons.
_TEXT_BOXES = """() => {
  const boxes = [];
  const headerBottom = document.querySelector('.md-header').getBoundingClientRect().bottom;
  const add = (el, kind, top = -Infinity) => {
    const range = document.createRange();
    range.selectNodeContents(el);
    for (const r of range.getClientRects()) {
      const y = Math.max(r.y, top), height = r.y + r.height - y;
      if (r.width && height > 0)
        boxes.push({kind, text: el.textContent.trim().slice(0, 40), x: r.x, y, width: r.width, height});
    }
  };
  document.querySelectorAll('article :is(h1, h2, h3, h4, h5, h6)').forEach(h => add(h, 'heading', headerBottom));
  document.querySelectorAll('.md-header__topic .md-ellipsis').forEach(t => {
    if (getComputedStyle(t.parentElement).opacity !== '0') add(t, 'title'); });
  document.querySelectorAll('.md-header__button').forEach(b => {
    const r = b.getBoundingClientRect();
    if (r.width && getComputedStyle(b).display !== 'none')
      boxes.push({kind: 'button', text: b.getAttribute('title') || b.className, x: r.x, y: r.y, width: r.width,
        height: r.height}); });
  return boxes;
}"""


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_pill_overlaps_no_heading_and_no_header_text_on_a_phone(browser, site_url, scheme):
    context = browser.new_context(base_url=site_url, viewport=PHONE, color_scheme=scheme)
    page = context.new_page()
    page.goto("data/replication/", wait_until="domcontentloaded")
    pill = page.locator(".md-top")
    page.mouse.move(195, 400)
    height = page.evaluate("document.body.scrollHeight")
    checked = 0
    for y in range(1500, height - 1000, 900):
        page.evaluate("y => window.scrollTo(0, y)", y)
        page.mouse.wheel(0, -120)  # Material shows the pill while the reader scrolls up
        expect(pill).to_be_visible()
        expect(pill).not_to_have_attribute("hidden", "")
        expect(pill).to_have_css("opacity", "1")
        box = pill.bounding_box()
        for other in page.evaluate(_TEXT_BOXES):
            assert not overlaps(box, other), f"at {y} px the pill covers the {other['kind']} {other['text']!r}"
        checked += 1
    assert checked >= 3
    expect(pill).to_have_accessible_name("Back to top")
    context.close()
