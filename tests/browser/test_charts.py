"""The charts in a built page: inline SVG with alt text and caption, legible on a laptop and a phone, in
contrast in light and dark mode, following Material's scheme toggle, and blocked by nothing in the CSP.

The handbook's pages are the writers' to place charts on, so this builds a small copy of the project (the real
mkdocs.yml, hooks, macros, data and examples, with one page showing every chart of figures/charts/) with
`mkdocs build --strict`, and serves it on loopback. Screenshots of each chart, light and dark,
at 1280x900 and 390x844, are kept in the test's temporary folder for a person to look at.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from handbook.charts.theme import COLOURS
from handbook.figures.charts import render_all
from handbook.serving import serve
from tests.browser.conftest import CSP_RECORDER
from tests.browser.test_accessibility import violations
from tests.conftest import ROOT

pytestmark = pytest.mark.browser

CHARTS = sorted(p.stem for p in (ROOT / "figures" / "charts").glob("*.py") if not p.name.startswith("_"))
VIEWPORTS = {"laptop": ({"width": 1280, "height": 900}, 11), "phone": ({"width": 390, "height": 844}, 9)}
GRID = {c.role: c for c in COLOURS}["grid"]


@pytest.fixture(scope="module")
def chart_site(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("charts") / "project"
    for name in ("macros", "hooks", "overrides", "scripts", "data", "examples"):
        shutil.copytree(ROOT / name, root / name, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copytree(ROOT / "figures" / "charts", root / "figures" / "charts", ignore=shutil.ignore_patterns("__*"))
    shutil.copy(ROOT / "CONTRIBUTING.md", root / "CONTRIBUTING.md")
    for quiz in (root / "data" / "quizzes").glob("*.yml"):  # every quiz must be on a page; none is here
        quiz.unlink()
    for folder in ("assets", "includes"):
        shutil.copytree(ROOT / "docs" / folder, root / "docs" / folder)
    body = "\n\n".join(f'## {name}\n\n{{{{ figure("{name}") }}}}' for name in CHARTS)
    (root / "docs" / "index.md").write_text(f"---\ndescription: Charts.\n---\n# Charts\n\n{body}\n", encoding="utf-8")
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    config = re.sub(r"^  - redirects:\n(?:      .*\n)+", "", config, flags=re.M)  # their targets are not here
    (root / "mkdocs.yml").write_text(re.sub(r"^nav:\n(?:  .*\n)+", "nav:\n  - index.md\n", config, flags=re.M))
    (root / "node_modules").symlink_to(ROOT / "node_modules")
    (root / "src").mkdir()  # watched by mkdocs.yml; the package is imported from this checkout
    out = root / "built"
    result = subprocess.run(
        # scripts/build.py builds this checkout; MkDocs itself builds the copy its config file names.
        [
            sys.executable,
            "-m",
            "mkdocs",
            "build",
            "--strict",
            "--quiet",
            "-f",
            str(root / "mkdocs.yml"),
            "-d",
            str(out),
        ],
        cwd=root,
        env={
            **os.environ,
            "HANDBOOK_CACHE": str(ROOT / ".cache"),  # the charts are rendered once, here too
            "NO_MKDOCS_2_WARNING": "1",
            "DISABLE_MKDOCS_2_WARNING": "true",
        },
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert result.returncode == 0, f"the chart page does not build:\n{result.stderr[-3000:]}"
    return out


@pytest.fixture(scope="module")
def chart_url(chart_site):
    # HANDBOOK_TEST_PORT pins the port on a machine where only some ports may be used; else any free one.
    with serve(chart_site, int(os.environ.get("HANDBOOK_TEST_PORT", "0"))) as url:
        yield url


@pytest.fixture(scope="module")
def expected():
    """Each chart's title, alt text and caption, from the renderer (warm: the build rendered them)."""
    charts = render_all(ROOT / "figures" / "charts", ROOT / ".cache" / "charts", ROOT)
    return {chart.name: chart for chart in charts}


def _open(browser, url: str, viewport: dict, scheme: str):
    context = browser.new_context(viewport=viewport, color_scheme=scheme)
    context.add_init_script(CSP_RECORDER)
    page = context.new_page()
    page.goto(url)
    page.wait_for_load_state("load")
    return context, page


def test_every_chart_is_inline_with_its_alt_text_and_caption(chart_site, expected):
    html = (chart_site / "index.html").read_text(encoding="utf-8")
    assert "hb-chart__slot" not in html, "every placeholder was replaced"
    for name in CHARTS:
        chart = expected[name]
        figure = re.search(rf'<figure class="hb-figure hb-chart" id="figure-{name}".*?</figure>', html, re.S)
        assert figure, f"{name} is not on the page"
        assert f'<svg id="chart-{name}" class="hb-chart__svg" role="img" aria-label="' in figure.group(0)
        caption = chart.caption.replace(chr(39), "&#x27;")
        assert re.search(
            rf'<figcaption><span class="hb-figure__number">Figure \d+\.</span> {re.escape(caption)}</figcaption>',
            figure.group(0),
        )
    assert not re.search(r"<[a-z][^<>]*\sstyle=", html), "no style attribute: the CSP would block it"


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("device", list(VIEWPORTS))
def test_charts_are_legible_and_in_contrast(browser, chart_url, expected, device, scheme, tmp_path_factory):
    viewport, smallest = VIEWPORTS[device]
    context, page = _open(browser, chart_url, viewport, scheme)
    try:
        assert page.evaluate("document.body.dataset.mdColorScheme") == ("slate" if scheme == "dark" else "default")
        shots = tmp_path_factory.getbasetemp() / "chart-screenshots"
        shots.mkdir(exist_ok=True)
        for name in CHARTS:
            figure = page.locator(f"#figure-{name}")
            figure.scroll_into_view_if_needed()
            figure.screenshot(path=str(shots / f"{name}-{device}-{scheme}.png"))
            found = page.evaluate(MEASURE, f"chart-{name}")
            assert found["label"] == expected[name].alt
            assert found["width"] <= viewport["width"], f"{name} is wider than the screen"
            assert min(found["fonts"]) >= smallest, f"{name}: text shown at {min(found['fonts']):.1f} px"
            grid = _rgb(GRID.dark if scheme == "dark" else GRID.light)
            background = tuple(round(c) for c in _parse(found["background"])[:3])  # Material's is opaque
            for kind, colour in found["colours"]:
                rgb = _over(_parse(colour), background)
                if rgb in (grid, background):
                    continue  # gridlines are decoration; background-coloured edges separate bars
                ratio = _contrast(rgb, background)
                assert ratio >= 3, f"{name}: {kind} {colour} has {ratio:.2f}:1 against {found['background']}"
        assert page.evaluate("window.__cspViolations") == []
    finally:
        context.close()


def test_charts_follow_the_scheme_toggle(browser, chart_url):
    context, page = _open(browser, chart_url, VIEWPORTS["laptop"][0], "light")
    try:
        text = page.locator(f"#chart-{CHARTS[0]} text").first
        light = text.evaluate("e => getComputedStyle(e).fill")
        page.evaluate("document.body.setAttribute('data-md-color-scheme', 'slate')")  # what Material's toggle does
        dark = text.evaluate("e => getComputedStyle(e).fill")
        assert light != dark
        assert _luminance(_over(_parse(dark), (30, 33, 41))) > _luminance(_over(_parse(light), (255, 255, 255)))
    finally:
        context.close()


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_chart_page_has_no_serious_or_critical_axe_violation(browser, chart_url, scheme):
    # bypass_csp lets axe be injected as an inline script; it changes nothing axe measures.
    context = browser.new_context(viewport=VIEWPORTS["laptop"][0], color_scheme=scheme, bypass_csp=True)
    try:
        page = context.new_page()
        page.goto(chart_url)
        page.wait_for_load_state("networkidle")
        found = violations(page)
        assert not found, "\n".join(found)
    finally:
        context.close()


# In the page: the chart's label, its shown width, every text's shown size (font size x the SVG's scale), and
# the colour of every text, and of every line or shape that is painted.
MEASURE = """
(id) => {
  const svg = document.getElementById(id);
  const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
  const fonts = [...svg.querySelectorAll('text')].map(t => parseFloat(getComputedStyle(t).fontSize) * scale);
  const colours = [];
  for (const element of svg.querySelectorAll('text, path, use, rect')) {
    const style = getComputedStyle(element);
    if (element.closest('clipPath') || element.closest('defs')) continue;
    if (element.tagName === 'text') { colours.push(['text', style.fill]); continue; }
    if (style.stroke !== 'none' && parseFloat(style.strokeWidth) > 0) colours.push(['line', style.stroke]);
    if (style.fill !== 'none' && style.fillOpacity !== '0') colours.push(['shape', style.fill]);
  }
  return {label: svg.getAttribute('aria-label'), width: svg.getBoundingClientRect().width, fonts, colours,
          background: getComputedStyle(document.body).backgroundColor};
}
"""


def _parse(css: str) -> tuple[float, ...]:
    """`rgb(1, 2, 3)`, `rgba(1, 2, 3, 0.5)` or `color(srgb 0.1 0.2 0.3 / 0.5)` as (r, g, b, alpha) in 0-255."""
    numbers = [float(n) for n in re.findall(r"[\d.]+", css)]
    if css.startswith("color(srgb"):
        return (*(255 * n for n in numbers[:3]), numbers[3] if len(numbers) > 3 else 1.0)
    return (*numbers[:3], numbers[3] if len(numbers) > 3 else 1.0)


def _over(colour: tuple[float, ...], background: tuple[float, ...]) -> tuple[int, int, int]:
    alpha = colour[3]
    return tuple(round(alpha * c + (1 - alpha) * b) for c, b in zip(colour[:3], background[:3], strict=True))


def _rgb(hex_colour: str) -> tuple[int, int, int]:
    return tuple(int(hex_colour[i : i + 2], 16) for i in (1, 3, 5))


def _luminance(rgb) -> float:
    linear = [c / 255 / 12.92 if c / 255 <= 0.03928 else ((c / 255 + 0.055) / 1.055) ** 2.4 for c in rgb[:3]]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def _contrast(a, b) -> float:
    high, low = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def test_inline_charts_stay_within_the_size_budget(chart_site):
    """Each chart adds its SVG to its page's HTML: the median chart stays under 40 KB."""
    html = (chart_site / "index.html").read_text(encoding="utf-8")
    sizes = {
        m.group(1): len(m.group(0).encode()) for m in re.finditer(r'<svg id="chart-([\w-]+)".*?</svg>', html, re.S)
    }
    assert set(sizes) == set(CHARTS)
    assert sorted(sizes.values())[len(sizes) // 2] < 40_000, sizes
