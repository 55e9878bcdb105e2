"""Every figure of the built site is legible where readers see it: on a laptop (1280x900) and a phone (390x844).

Each page is visited once per width (one browser context each) and every figure on it measured in place
(tests/browser/figure_metrics.py): the shown size of its smallest text, and for Mermaid figures, in light and
dark mode, the contrast of every text against what is painted behind it and of every arrow against the page.

Speed (the 86 pages with a figure, twice): pages without a numbered figure or a Mermaid drawing are not
visited, and the handbook's scripts, images and fonts are not fetched. None of them changes a
figure's layout (Material's theme and the handbook's scripts drive navigation, search and quizzes; an
`<img>` is laid out from its width and height attributes), and the colour scheme is switched the way
Material's toggle does it, on `<body>`.
"""

from __future__ import annotations

import re
import statistics
import time

import pytest

from tests.browser.conftest import LAY_OUT_EVERYTHING
from tests.browser.figure_metrics import COLOURS, MEASURE, contrast
from tests.browser.test_every_page import built_pages

pytestmark = pytest.mark.browser

DEVICES = {"laptop": ({"width": 1280, "height": 900}, 11.0), "phone": ({"width": 390, "height": 844}, 9.0)}
TEXT_CONTRAST = 3.0  # WCAG's minimum for large text and for graphics: Mermaid's labels are 16 px
EDGE_LABEL_CONTRAST = 4.5  # an edge label is often the only words on its arrow
ARROW_CONTRAST = 3.0
_NUMBERED = re.compile(r'<figure\b[^>]*\bid="(figure-[a-z0-9-]+)"')
_SKIPPED = {"script", "image", "font", "media", "fetch", "xhr", "websocket", "eventsource", "manifest"}


def _documents_and_styles_only(route) -> None:
    if route.request.resource_type in _SKIPPED:
        route.abort()
    else:
        route.continue_()


@pytest.fixture(scope="module")
def measured(browser, site_url, site_dir) -> dict:
    """{"laptop"|"phone": {"figures": [...], "colours": {"light"|"dark": [...]}}}, each entry with its page."""
    pages = sorted(_pages_with_figures(site_dir))
    results = {}
    started = time.perf_counter()
    for device, (viewport, _) in DEVICES.items():
        context = browser.new_context(base_url=site_url, viewport=viewport)
        context.route("**/*", _documents_and_styles_only)
        figures: list[dict] = []
        colours: dict[str, list[dict]] = {"light": [], "dark": []}
        try:
            tab = context.new_page()
            for url in pages:
                tab.goto(url, wait_until="load")
                tab.evaluate(LAY_OUT_EVERYTHING)
                found = tab.evaluate(MEASURE)
                figures += [{**figure, "page": url} for figure in found]
                if device == "laptop" and any(figure["kind"] == "mermaid" for figure in found):
                    colours["light"] += [{**entry, "page": url} for entry in tab.evaluate(COLOURS)]
                    tab.evaluate("document.body.setAttribute('data-md-color-scheme', 'slate')")
                    colours["dark"] += [{**entry, "page": url} for entry in tab.evaluate(COLOURS)]
        finally:
            context.close()
        results[device] = {"figures": figures, "colours": colours}
    print(f"\n{len(pages)} pages at {len(DEVICES)} widths in {time.perf_counter() - started:.1f} s")
    return results


def _pages_with_figures(site_dir) -> list[str]:
    """The pages whose HTML has a numbered figure or a Mermaid drawing: the others have nothing to measure."""
    found = []
    for url in built_pages(site_dir):
        html = (site_dir / url / "index.html").read_text(encoding="utf-8")
        if _NUMBERED.search(html) or 'class="hb-mermaid"' in html:
            found.append(url)
    return found


def _figures_in_html(site_dir) -> set[tuple[str, str]]:
    found = set()
    for url in built_pages(site_dir):
        html = (site_dir / url / "index.html").read_text(encoding="utf-8")
        found |= {(url, ident) for ident in _NUMBERED.findall(html)}
    return found


def _summary(sizes: list[float], threshold: float) -> str:
    failing = sum(size < threshold for size in sizes)
    return (
        f"{len(sizes)} figures: smallest text median {statistics.median(sizes):.2f} px, "
        f"minimum {min(sizes):.2f} px, {failing} under {threshold:g} px"
    )


@pytest.mark.parametrize("device", list(DEVICES))
def test_every_figure_of_the_site_is_measured(measured, site_dir, device):
    figures = measured[device]["figures"]
    seen = [(figure["page"], figure["id"]) for figure in figures]
    assert len(seen) == len(set(seen)), "a figure id appears twice on a page"
    assert set(seen) == _figures_in_html(site_dir)
    kinds = {figure["kind"] for figure in figures}
    assert kinds == {"mermaid", "chart", "architecture"}, f"unexpected figure kinds: {kinds}"
    hidden = [f"{f['page']}#{f['id']}" for f in figures if f["kind"] != "architecture" and not f["width"] > 0]
    assert not hidden, f"figures not shown even with their <details> open and their tab selected: {hidden}"


@pytest.mark.parametrize("device", list(DEVICES))
def test_mermaid_and_chart_text_is_legible(measured, device):
    threshold = DEVICES[device][1]
    problems = []
    for kind in ("mermaid", "chart"):
        figures = [figure for figure in measured[device]["figures"] if figure["kind"] == kind]
        print(f"\n{device} {kind}: {_summary([figure['smallest'] for figure in figures], threshold)}")
        problems += [
            f"{figure['page']}#{figure['id']} ({figure['type']}): {figure['smallestText']!r} shown at "
            f"{figure['smallest']:.1f} px"
            for figure in figures
            if not figure["smallest"] >= threshold
        ]
    assert not problems, f"text under {threshold:g} px at {device} width:\n" + "\n".join(problems)


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_mermaid_text_and_arrows_stand_out(measured, scheme):
    entries = measured["laptop"]["colours"][scheme]
    assert entries, "no Mermaid figure was sampled"
    problems = []
    for entry in entries:
        where = f"{entry['page']}#{entry['id']}"
        for text in entry["texts"]:
            needed = EDGE_LABEL_CONTRAST if text["edge"] else TEXT_CONTRAST
            ratio = contrast(text["colour"], text["behind"])
            if ratio < needed:
                problems.append(f"{where}: text {text['text']!r} {ratio:.2f}:1 on {_rgb(text['behind'])}")
            if text["edge"] and _rgb(text["behind"]) != _rgb(entry["background"]):
                problems.append(f"{where}: edge label {text['text']!r} sits on a box of {_rgb(text['behind'])}")
        for arrow in entry["arrows"]:
            ratio = contrast(arrow["colour"], entry["background"])
            if ratio < ARROW_CONTRAST:
                problems.append(f"{where}: {arrow['what']} {_rgb(arrow['colour'])} {ratio:.2f}:1 on the page")
    texts = sum(len(entry["texts"]) for entry in entries)
    arrows = sum(len(entry["arrows"]) for entry in entries)
    print(f"\n{scheme}: {len(entries)} Mermaid figures, {texts} texts, {arrows} arrows, {len(problems)} problems")
    assert not problems, f"{len(problems)} problems in {scheme} mode:\n" + "\n".join(problems[:40])


def _rgb(colour) -> str:
    return "rgb({:.0f}, {:.0f}, {:.0f})".format(*colour[:3])
