"""The figure gallery in Chromium, on a laptop and a phone, light and dark: every thumbnail loads and is drawn in
the page's scheme, the cards fit the column, the filter narrows them by words and by kind, nothing is fetched
from another host, and the whole page, scrolled to its end, stays within its weight budget.

Screenshots of the top of the gallery and of its first cards, for each size and scheme, are kept in the test's
temporary folder for a person to look at.
"""

from __future__ import annotations

import gzip
import io
import re
from urllib.parse import urlsplit

import pytest

from handbook.figures.material_palette import Palette, scheme_values
from handbook.figures.mermaid import material_theme_css

pytestmark = pytest.mark.browser

GALLERY = "study/figures/"
VIEWPORTS = {"laptop": {"width": 1280, "height": 900}, "phone": {"width": 390, "height": 844}}
# Bytes, gzipped as a static host serves them, of the page and everything it loads scrolled to its end: a fixed
# share for the page, its scripts and styles, and a share per thumbnail (the gallery grows with the figures;
# one thumbnail must stay a small file). At 289 figures the page came to 1.12 MB: 3.3 KB a thumbnail.
PAGE_BUDGET = 250_000
THUMBNAIL_BUDGET = 4_500


def _open(browser, site_url, viewport, scheme):
    context = browser.new_context(base_url=site_url, viewport=viewport, color_scheme=scheme)
    tab = context.new_page()
    tab.requests = []
    tab.on("request", lambda request: tab.requests.append(request))
    tab.goto(GALLERY)
    tab.wait_for_selector(".hb-gallery__filter:not([hidden])")
    return context, tab


def _scroll_to_the_end(tab) -> None:
    """Scroll a window at a time, as a reader does, so each lazy thumbnail is fetched, then wait for them all."""
    position = 0
    while position < tab.evaluate("document.documentElement.scrollHeight"):
        position += tab.viewport_size["height"]
        tab.evaluate(f"window.scrollTo(0, {position})")
        tab.wait_for_timeout(40)
    # A function, not an expression: Playwright re-evaluates an expression with eval() on every poll, which
    # the page's Content-Security-Policy refuses once the first check has failed.
    tab.wait_for_function(
        "() => [...document.querySelectorAll('.hb-gallery__thumb img')].filter(i => i.offsetParent)"
        ".every(i => i.complete)",
        timeout=60_000,
    )


def _visible_cards(tab) -> list[dict]:
    return tab.evaluate(
        """[...document.querySelectorAll('.hb-gallery__card')].filter(c => c.offsetParent).map(c => ({
             kind: c.dataset.kind, text: c.querySelector('.hb-gallery__text').textContent,
             page: c.closest('.hb-gallery__grid').previousElementSibling.textContent}))"""
    )


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("size", VIEWPORTS)
def test_every_thumbnail_loads_in_the_pages_scheme_and_the_cards_fit(
    browser, site_url, site_dir, size, scheme, tmp_path
):
    from PIL import Image, ImageStat

    context, tab = _open(browser, site_url, VIEWPORTS[size], scheme)
    try:
        tab.screenshot(path=str(tmp_path / f"gallery-{size}-{scheme}.png"))
        cards = tab.locator(".hb-gallery__card").count()
        assert cards > 250
        _scroll_to_the_end(tab)
        shown = tab.evaluate(
            """[...document.querySelectorAll('.hb-gallery__thumb img')].filter(i => i.offsetParent)
                 .map(i => ({src: i.getAttribute('src'), width: i.naturalWidth, scheme: i.className}))"""
        )
        assert len(shown) == cards, "each card shows exactly one copy of its thumbnail"
        broken = [image["src"] for image in shown if image["width"] == 0]
        assert not broken, f"{len(broken)} thumbnails do not render, e.g. {broken[:3]}"
        wrong = [image["src"] for image in shown if image["src"].endswith("#dark") != (scheme == "dark")]
        assert not wrong, f"{len(wrong)} thumbnails are not drawn for the {scheme} scheme, e.g. {wrong[:3]}"
        assert tab.evaluate("document.documentElement.scrollWidth <= window.innerWidth"), "the page scrolls sideways"
        columns = tab.evaluate(
            "getComputedStyle(document.querySelector('.hb-gallery__grid')).gridTemplateColumns.split(' ').length"
        )
        assert columns >= (3 if size == "laptop" else 2), f"{columns} column(s) of cards on a {size}"

        # Drawn, not only loaded, and in the page's scheme: the figure's lines and words stand out from the card,
        # mostly darker than it in light mode and lighter in dark mode (a light drawing on a dark page would not).
        for kind in ("sequence diagram", "flowchart", "architecture diagram", "chart"):
            thumb = tab.locator(f'.hb-gallery__card[data-kind="{kind}"] .hb-gallery__thumb').first
            thumb.scroll_into_view_if_needed()
            picture = Image.open(io.BytesIO(thumb.screenshot(path=str(tmp_path / f"{kind}-{size}-{scheme}.png"))))
            grey = picture.convert("L")
            background = ImageStat.Stat(grey.crop((0, 0, 4, 4))).mean[0]
            pixels = list(grey.getdata())
            darker = sum(1 for p in pixels if p < background - 40)
            lighter = sum(1 for p in pixels if p > background + 40)
            ink, other = (darker, lighter) if scheme == "light" else (lighter, darker)
            assert ink > len(pixels) * 0.01 and ink > 2 * other, (
                f"the {kind} thumbnail is not drawn for the {scheme} scheme on a {size}: "
                f"{darker} pixels darker than the card, {lighter} lighter"
            )
        foreign = [r.url for r in tab.requests if urlsplit(r.url).netloc not in urlsplit(site_url).netloc]
        assert not foreign, f"requests to other hosts: {foreign[:3]}"
    finally:
        context.close()


def test_the_filter_narrows_the_cards_by_caption_words_and_by_kind(browser, site_url):
    context, tab = _open(browser, site_url, VIEWPORTS["laptop"], "light")
    try:
        total = len(_visible_cards(tab))
        status = tab.locator(".hb-gallery__status")
        assert status.text_content() == f"{total} figures"

        # Two words of a real caption: the start of one and the whole other, in the other order.
        cards = _visible_cards(tab)
        caption = next(c for c in cards if len([w for w in re.findall(r"[a-z]+", c["text"].lower()) if len(w) > 5]) > 1)
        first, second = [w for w in re.findall(r"[a-z]+", caption["text"].lower()) if len(w) > 5][:2]
        tab.fill(".hb-gallery__search input", f"{second} {first[:4]}")
        found = _visible_cards(tab)
        assert caption in found and len(found) < total
        for card in found:
            words = re.findall(r"[a-z0-9]+", f"{card['text']} {card['page']}".lower())
            assert any(w.startswith(first[:4]) for w in words) and any(w.startswith(second) for w in words), card
        assert status.text_content() == f"{len(found)} of {total} figures"
        headings = tab.evaluate(
            "[...document.querySelectorAll('article h2, article h3')].filter(h => h.offsetParent).length"
        )
        pages = {card["page"] for card in found}
        assert headings <= len(pages) * 2, "a section or page left without a card still shows its heading"

        tab.fill(".hb-gallery__search input", "")
        button = tab.locator('.hb-gallery__kind-filter[data-kind="sequence diagram"]')
        expected = int(button.locator(".hb-gallery__count").text_content())
        button.click()
        assert button.get_attribute("aria-pressed") == "true"
        kinds = [card["kind"] for card in _visible_cards(tab)]
        assert kinds == ["sequence diagram"] * expected

        tab.fill(".hb-gallery__search input", "zzzqqq")
        assert _visible_cards(tab) == []
        assert "No figure matches" in status.text_content()

        tab.fill(".hb-gallery__search input", "")
        tab.locator('.hb-gallery__kind-filter[data-kind=""]').click()
        assert len(_visible_cards(tab)) == total
    finally:
        context.close()


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_files_carry_the_colours_material_gives_the_page(browser, site_url, scheme):
    """The values written into each figure file are those the browser computes for a page in that scheme."""
    names = sorted(set(re.findall(r"--md-[\w-]+", material_theme_css())))
    context, tab = _open(browser, site_url, VIEWPORTS["laptop"], scheme)
    try:
        assert tab.evaluate("document.body.dataset.mdColorScheme") == ("slate" if scheme == "dark" else "default")
        computed = tab.evaluate("(names) => names.map(n => getComputedStyle(document.body).getPropertyValue(n))", names)
    finally:
        context.close()
    ours = scheme_values(Palette("slate" if scheme == "dark" else "default"), names)

    def same(value: str) -> str:
        return re.sub(r"\s+", "", value)

    differ = {n: (ours[n], c) for n, c in zip(names, computed, strict=True) if same(ours[n]) != same(c)}
    assert not differ, f"resolved differently from the browser: {differ}"


def test_the_gallery_scrolled_to_its_end_stays_within_its_weight_budget(browser, site_url, site_dir):
    context, tab = _open(browser, site_url, VIEWPORTS["laptop"], "light")
    try:
        _scroll_to_the_end(tab)
        tab.wait_for_load_state("networkidle")
        requests = list(tab.requests)
    finally:
        context.close()
    fetched, raw, zipped = set(), 0, 0
    for request in requests:
        path = urlsplit(request.url).path
        if path in fetched:
            continue
        fetched.add(path)
        file = site_dir / path.lstrip("/")
        if file.is_dir():
            file = file / "index.html"
        assert file.is_file(), f"{path} was fetched but is not in the site"
        data = file.read_bytes()
        raw += len(data)
        zipped += len(gzip.compress(data, compresslevel=6))
    images = sum(1 for path in fetched if path.endswith(".svg"))
    print(
        f"\nthe gallery scrolled to its end: {len(fetched)} files ({images} SVG), {raw / 1e6:.2f} MB, "
        f"{zipped / 1e6:.2f} MB gzipped"
    )
    budget = PAGE_BUDGET + THUMBNAIL_BUDGET * images
    assert zipped < budget, f"{zipped / 1e6:.2f} MB gzipped, over the {budget / 1e6:.2f} MB budget for {images} SVG"


_WORD_COLOURS = """() => [...document.querySelectorAll('text, foreignObject p, foreignObject span')]
  .filter(el => el.textContent.trim() && !el.querySelector('p, span, tspan'))
  .map(el => getComputedStyle(el)[el instanceof SVGElement ? 'fill' : 'color'])"""


def _luminance(colour: str) -> float:
    red, green, blue, *alpha = (float(v) for v in re.findall(r"[\d.]+", colour))
    return (0.2126 * red + 0.7152 * green + 0.0722 * blue) * (alpha[0] if alpha else 1.0)


def test_each_kind_of_file_paints_its_words_light_under_dark_and_dark_otherwise(browser, site_url, site_dir):
    """A figure file opened as `file.svg#dark` colours its words for the dark page (light ink), and as
    `file.svg` for the light page (dark ink): the rules the <img> relies on, checked on the file itself."""
    html = (site_dir / GALLERY / "index.html").read_text(encoding="utf-8")
    files = {}
    for kind, src in re.findall(
        r'data-kind="([^"]+)"><a [^>]*><span class="hb-gallery__thumb"><img [^>]*src="([^"]+)"', html
    ):
        files.setdefault(kind, src)
    assert {"sequence diagram", "flowchart", "state diagram", "chart", "architecture diagram"} <= set(files)
    context = browser.new_context(base_url=site_url + GALLERY)
    tab = context.new_page()
    try:
        for kind, src in files.items():
            colours = {}
            for fragment in ("", "#dark"):
                tab.goto(src + fragment)
                colours[fragment] = tab.evaluate(_WORD_COLOURS)
            assert colours[""], f"the {kind} file {src} has no words"
            light = sum(map(_luminance, colours[""])) / len(colours[""])
            dark = sum(map(_luminance, colours["#dark"])) / len(colours["#dark"])
            assert light < 110 < dark, f"{kind} ({src}): words at luminance {light:.0f} light, {dark:.0f} dark"
    finally:
        context.close()
