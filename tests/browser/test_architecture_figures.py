"""Every architecture figure on its page, measured in Chromium: legible on a laptop and a phone, in the layout
made for each, in light and dark; its text and arrows in contrast with what is behind them; no glare in the dark.

The size a figure's smallest text is shown at is its font size in the SVG times the scale the browser drew it
at (the `<img>`'s rendered width over the SVG's viewBox width). Screenshots of every figure, at 1280x900 and
390x844, light and dark, are kept in the test's temporary folder for a person to look at.
"""

from __future__ import annotations

import io
import re
from collections import defaultdict
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from tests.conftest import ROOT

pytestmark = pytest.mark.browser

VIEWPORTS = {"laptop": ({"width": 1280, "height": 900}, 11.0), "phone": ({"width": 390, "height": 844}, 9.0)}
SCRIPTS = sorted(p.stem for p in (ROOT / "figures").glob("*.py") if not p.name.startswith("_"))


@pytest.fixture(scope="module")
def placed(site_dir) -> dict[str, list[str]]:
    """Page URL -> the architecture figures it shows (charts are measured by test_charts.py)."""
    pages = defaultdict(list)
    for html in sorted(site_dir.rglob("index.html")):
        for name in re.findall(r'<figure class="hb-figure" id="figure-([\w-]+)"', html.read_text(encoding="utf-8")):
            pages[html.parent.relative_to(site_dir).as_posix() + "/"].append(name)
    shown = {name for names in pages.values() for name in names}
    assert shown, "no page shows an architecture figure"
    assert shown <= set(SCRIPTS)
    return dict(pages)


def _svg_facts(path: Path) -> tuple[float, float]:
    """The SVG's viewBox width and its smallest font size, in viewBox units."""
    svg = path.read_text(encoding="utf-8")
    width = float(re.search(r'viewBox="[-\d.]+ [-\d.]+ ([\d.]+)', svg).group(1))
    return width, min(float(size) for size in re.findall(r'font-size="([\d.]+)"', svg))


# The copy of the figure the scheme shows, the one it hides, and what the browser drew.
SHOWN = """
(name) => {
  const figure = document.getElementById('figure-' + name);
  const [light, dark] = ['light', 'dark'].map(s => figure.querySelector('.hb-figure__' + s + ' img'));
  const shown = [light, dark].find(img => img.getClientRects().length > 0);
  const hidden = [light, dark].filter(img => img !== shown);
  // currentSrc drops the fragment: the URL the browser chose, as written in the page.
  const source = shown.parentElement.querySelector('source');
  const chosen = shown.currentSrc.includes('.narrow.svg') ? source.getAttribute('srcset') : shown.getAttribute('src');
  return {src: shown.currentSrc, chosen, width: shown.getBoundingClientRect().width, copy: shown === dark ? 'dark' : 'light',
          hiddenShown: hidden.some(img => img.getClientRects().length > 0),
          background: getComputedStyle(shown).backgroundColor};
}
"""


@pytest.mark.parametrize("device", list(VIEWPORTS))
def test_every_figure_is_legible_in_the_layout_made_for_the_screen(
    browser, site_url, site_dir, placed, device, tmp_path_factory
):
    """Each page loaded once per screen, light as the system asks for it, then dark as Material's toggle sets it
    (test_colour_scheme_follows_the_system_setting checks that a dark system setting gives that scheme)."""
    viewport, smallest = VIEWPORTS[device]
    shots = tmp_path_factory.getbasetemp() / "architecture-screenshots"
    shots.mkdir(exist_ok=True)
    context = browser.new_context(base_url=site_url, viewport=viewport, color_scheme="light")
    too_small = []
    try:
        page = context.new_page()
        for url, names in placed.items():
            page.goto(url)
            for scheme in ("light", "dark"):
                if scheme == "dark":
                    page.evaluate("document.body.setAttribute('data-md-color-scheme', 'slate')")
                too_small += _check_figures(page, site_dir, url, names, device, scheme, shots)
    finally:
        context.close()
    assert not too_small, f"below {smallest} px on the {device}:\n" + "\n".join(too_small)


def _check_figures(page, site_dir, url, names, device, scheme, shots) -> list[str]:
    """The copy each figure shows in `scheme` on this screen: the right file, within the screen, not glaring in
    the dark; returns the figures whose smallest text is shown too small."""
    viewport, smallest = VIEWPORTS[device]
    assert page.evaluate("document.body.dataset.mdColorScheme") == ("slate" if scheme == "dark" else "default")
    too_small = []
    for name in names:
        figure = page.locator(f"#figure-{name}")
        figure.scroll_into_view_if_needed()
        image = figure.locator(f".hb-figure__{scheme} img")
        page.wait_for_function("img => img.complete && img.naturalWidth > 0", arg=image.element_handle())
        found = page.evaluate(SHOWN, name)
        assert found["copy"] == scheme and not found["hiddenShown"], f"{url}: {name} shows the wrong copy"
        address = urlsplit(found["src"])
        assert urlsplit(found["chosen"]).fragment == ("dark" if scheme == "dark" else ""), found["chosen"]
        file = Path(address.path).name
        assert file == (f"{name}.narrow.svg" if device == "phone" else f"{name}.svg"), found["src"]
        view_width, font = _svg_facts(site_dir / "figures" / file)
        shown = font * found["width"] / view_width
        assert found["width"] <= viewport["width"], f"{name} is wider than the screen"
        if shown < smallest:
            too_small.append(f"{url}: {file} text shown at {shown:.1f} px")
        shot = image.screenshot(path=str(shots / f"{name}-{device}-{scheme}.png"))
        if scheme == "dark":  # drawn dark, not a white panel: the fragment reached the SVG
            assert found["background"] == "rgba(0, 0, 0, 0)", f"{name}: the dark figure sits on a card"
            assert _mean_lightness(shot) < 0.3, f"{name} glares in the dark"
    return too_small


# Every text and every arrow (line and head) of the SVG opened on its own, with the colour of the smallest
# surface under its middle: a node's or cluster's fill, else the figure's background.
COLOURS = """
() => {
  const paint = (element, key) => getComputedStyle(element)[key];
  const background = document.querySelector('g.graph > polygon');
  const surfaces = [...document.querySelectorAll('g.cluster > :is(path, polygon), g.node > :is(path, polygon)')]
    .filter(shape => !['none', 'rgba(0, 0, 0, 0)'].includes(paint(shape, 'fill')))
    .map(shape => ({box: shape.getBBox(), fill: paint(shape, 'fill')}));
  const behind = element => {
    const b = element.getBBox(), x = b.x + b.width / 2, y = b.y + b.height / 2;
    const under = surfaces.filter(s => x >= s.box.x && x <= s.box.x + s.box.width && y >= s.box.y
                                        && y <= s.box.y + s.box.height);
    under.sort((a, b) => a.box.width * a.box.height - b.box.width * b.box.height);
    return under.length ? under[0].fill : paint(background, 'fill');
  };
  const found = [];
  for (const text of document.querySelectorAll('text')) {
    found.push({kind: 'text', what: text.textContent, colour: paint(text, 'fill'), behind: [behind(text)]});
  }
  // An arrow can cross any cluster, so it must read on every cluster's fill and on the background.
  const clusters = [...document.querySelectorAll('g.cluster > :is(path, polygon)')].map(s => paint(s, 'fill'));
  for (const edge of document.querySelectorAll('g.edge')) {
    const what = edge.querySelector('title').textContent;
    for (const line of edge.querySelectorAll('path')) {
      if (paint(line, 'stroke') === 'none') continue;
      found.push({kind: 'arrow', what, colour: paint(line, 'stroke'), behind: [paint(background, 'fill'), ...clusters]});
    }
  }
  return {found, background: paint(background, 'fill'), surfaces: surfaces.map(s => s.fill)};
}
"""


@pytest.mark.parametrize("variant", ["svg", "narrow.svg"])
@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_text_and_arrows_stand_out_and_the_dark_figure_does_not_glare(page, site_dir, placed, scheme, variant):
    names = sorted({name for names in placed.values() for name in names})
    problems = []
    for name in names:
        page.goto(f"figures/{name}.{variant}" + ("#dark" if scheme == "dark" else ""))
        result = page.evaluate(COLOURS)
        assert result["found"], f"{name}: no text found"
        if scheme == "dark":
            assert _luminance(_rgb(result["background"])) < 0.05, f"{name}: background {result['background']}"
            glaring = [fill for fill in result["surfaces"] if _luminance(_rgb(fill)) > 0.12]
            assert not glaring, f"{name}: bright surfaces in the dark: {glaring[:3]}"
        for item in result["found"]:
            for behind in item["behind"]:
                ratio = _contrast(_rgb(item["colour"]), _rgb(behind))
                if ratio < 3:
                    problems.append(
                        f"{name}: {item['kind']} {item['what']!r} {item['colour']} on {behind}: {ratio:.2f}"
                    )
    assert not problems, "\n".join(problems[:20])


def test_the_dark_copy_follows_materials_toggle_without_a_reload(page, placed):
    url, names = next(iter(placed.items()))
    page.goto(url)
    light = page.locator(f"#figure-{names[0]} .hb-figure__light img")
    dark = page.locator(f"#figure-{names[0]} .hb-figure__dark img")
    assert light.is_visible() and not dark.is_visible()
    page.evaluate("document.body.setAttribute('data-md-color-scheme', 'slate')")  # what Material's toggle does
    assert dark.is_visible() and not light.is_visible()


def test_print_shows_every_figure_light_wide_and_within_a_page(browser, site_url, placed):
    """Printed (the PDFs print the pages with these styles), even from a phone in the dark: the light, wide copy,
    no taller than print.css allows (20 cm, under an A4 or Letter page's text height)."""
    context = browser.new_context(base_url=site_url, viewport={"width": 390, "height": 844}, color_scheme="dark")
    try:
        page = context.new_page()
        page.emulate_media(media="print")
        for url, names in placed.items():
            page.goto(url)
            for name in names:
                image = page.locator(f"#figure-{name} .hb-figure__light img")
                image.scroll_into_view_if_needed()
                page.wait_for_function("img => img.complete && img.naturalWidth > 0", arg=image.element_handle())
                shown = page.evaluate(SHOWN, name)
                assert shown["copy"] == "light", f"{url}: {name} prints its dark copy"
                assert urlsplit(shown["src"]).path.endswith(f"/figures/{name}.svg"), shown["src"]
                height = image.evaluate("img => img.getBoundingClientRect().height")
                assert height <= 20 / 2.54 * 96 + 1, f"{name} is {height:.0f} px tall in print"
    finally:
        context.close()


def _mean_lightness(png: bytes) -> float:
    from PIL import Image, ImageStat

    return ImageStat.Stat(Image.open(io.BytesIO(png)).convert("L")).mean[0] / 255


def _rgb(css: str) -> tuple[float, float, float]:
    return tuple(float(n) for n in re.findall(r"[\d.]+", css)[:3])


def _luminance(rgb) -> float:
    def linear(c: float) -> float:
        c /= 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (linear(c) for c in rgb)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def _contrast(a, b) -> float:
    high, low = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)
