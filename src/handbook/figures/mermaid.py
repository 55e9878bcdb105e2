"""Render Mermaid sources to SVG at build time in headless Chromium, cached by content.

Pages then carry finished SVG: no Mermaid JavaScript is downloaded by readers, figures print and work without
JavaScript, and their colours come from Material's `--md-mermaid-*` variables, so they follow dark mode.
"""

from __future__ import annotations

import hashlib
import json
import math
import re
from pathlib import Path

from handbook.errors import MermaidError
from handbook.figures.chromium import CHROMIUM, CHROMIUM_ARGS
from handbook.project import write_whole
from handbook.site_policy.content_checks import first_script

ORIGIN = "http://mermaid.invalid/"  # served by request interception: Chromium never touches the network

# Sequence diagrams: Mermaid's defaults (150 px actors, 50 px between them, 50 px side margins) made a
# three-participant diagram 650 units wide, shown at 55% on a phone, so authors added `diagramMarginX: 10`
# to each block. These site-wide defaults fit three participants with short messages in under 500 units
# (16 px text shown at 11.5 px or more on a 390 px phone). An actor box still widens to fit its name and a
# gap to fit its messages, and a block's own `config:` still overrides any of these.
SEQUENCE = {
    "actorFontSize": "16px",
    "messageFontSize": "16px",
    "noteFontSize": "16px",
    "diagramMarginX": 8,
    "width": 120,
    "actorMargin": 40,
}

# Added after Material's theme, inside each SVG (so scoped to it and covered by its CSP hash):
# - flowchart edge labels: Mermaid paints a half-transparent light grey box (`.labelBkg`) around the label's
#   own box, glaring in dark mode and, where a label wraps, under the text itself; the page's background
#   instead still hides the edge behind the words;
# - arrowheads: Mermaid outlines them in #333 and draws a sequence diagram's lost message (`-x`) as a #000
#   cross, invisible in dark mode: both take the edge colour;
# - ER diagrams: the "zero" circle is filled white (glaring in dark mode) and relationship labels are 14 px,
#   smaller than every other label;
# - Gantt charts: see below. (xychart-beta draws its colours as attributes, which CSS variables cannot reach:
#   CONTRIBUTING sends authors to a chart script instead.)
LEGIBILITY_CSS = (
    ".labelBkg{background-color:var(--md-mermaid-label-bg-color)}"
    ".marker,.marker.cross{stroke:var(--md-mermaid-edge-color)}"
    "#crosshead path{stroke:var(--md-mermaid-sequence-message-line-color)!important}"
    "marker.er circle{fill:var(--md-mermaid-label-bg-color)}"
    ".edgeLabel .label{font-size:16px}"
    # Gantt charts: Mermaid's text greys and light section bands vanish or glare in dark mode.
    ".titleText,.sectionTitle,.sectionTitle0,.sectionTitle1,.sectionTitle2,.sectionTitle3,.grid .tick text,"
    ".taskTextOutsideRight,.taskTextOutsideLeft{fill:var(--md-mermaid-label-fg-color)}"
    ".section0,.section2{fill:var(--md-mermaid-node-bg-color)}.section1,.section3{fill:transparent}"
)

# A figure is never shown with text smaller than this: its SVG gets a `min-width` (from the smallest font
# size measured when it is rendered), so on a phone a wide figure scrolls sideways rather than shrinking.
MIN_TEXT_PX = 10
_NARROWEST_COLUMN = 320  # CSS px: the text column of a 360 px phone, inside an admonition


def material_theme_css() -> str:
    """Material's own Mermaid stylesheet (CSS variables only), read from the installed theme's bundle."""
    import material

    bundle = next((Path(material.__file__).parent / "templates" / "assets" / "javascripts").glob("bundle.*.min.js"))
    match = re.search(r'"(\.node circle,\.node ellipse[^"]*)"', bundle.read_text(encoding="utf-8"))
    if not match:
        raise MermaidError("Material's Mermaid stylesheet was not found in its bundle: check the pinned version")
    return match.group(1)


def _version(dist: Path) -> str:
    return json.loads((dist.parent / "package.json").read_text(encoding="utf-8"))["version"]


class MermaidRenderer:
    """One Chromium for a whole build, started only when a diagram is not in the cache."""

    def __init__(self, cache_dir: Path, node_modules: Path) -> None:
        self.cache_dir = cache_dir
        self.dist = node_modules / "mermaid" / "dist"
        self._playwright = None
        self._page = None
        if not (self.dist / "mermaid.esm.min.mjs").is_file():
            raise MermaidError("node_modules/mermaid is missing: run `make build` (it runs `npm ci`)")
        self._theme = material_theme_css()
        self._salt = f"mermaid {_version(self.dist)}\n{self._theme}\n{Path(__file__).read_text(encoding='utf-8')}"

    def key(self, source: str) -> str:
        return hashlib.sha256(f"{self._salt}\n{source}".encode()).hexdigest()[:20]

    def render(self, source: str) -> str:
        key = self.key(source)
        cached = self.cache_dir / f"{key}.svg"
        if cached.exists():
            return cached.read_text(encoding="utf-8")
        drawn, smallest = self._render_in_browser(source, f"mermaid-{key[:12]}")
        if found := first_script(drawn):
            what, _, advice = found
            raise MermaidError(f"the diagram contains {what}: {advice}")
        svg = _never_below(drawn, smallest)
        write_whole(cached, svg)
        return svg

    def _start(self) -> None:
        from playwright.sync_api import sync_playwright

        if not Path(CHROMIUM).exists():
            raise MermaidError(
                f"Chromium is not installed at {CHROMIUM}: run `make build`, or "
                "`sudo apt-get install chromium` (or set CHROMIUM to a Chrome binary)"
            )
        self._playwright = sync_playwright().start()
        browser = self._playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        page = browser.new_page()
        page.route("**/*", self._serve)
        page.goto(ORIGIN + "render.html")
        page.wait_for_function("window.renderMermaid !== undefined")
        self._page = page

    def _serve(self, route) -> None:
        path = route.request.url.removeprefix(ORIGIN)
        if path == "render.html":
            settings = {
                "startOnLoad": False,
                # "strict" runs DOMPurify over every finished SVG again: a tenth of Mermaid's time in Chromium
                # (374 diagrams drawn one by one: 13.8 s strict, 12.3 s loose). Labels are still sanitised, the
                # diagrams are the handbook's own source, and `render` refuses any SVG that could run script
                # (such as a `click` link to `javascript:`, which "strict" would have made `about:blank`).
                "securityLevel": "loose",
                "themeCSS": self._theme + LEGIBILITY_CSS,
                "sequence": SEQUENCE,
                # Some shapes (a stadium, a cylinder) are drawn with rough.js, whose curves are random unless
                # seeded: unseeded, two builds of the same page differed in 28 pages' bytes and CSP hashes.
                "handDrawnSeed": 1,
            }
            script = (
                f"import mermaid from './mermaid.esm.min.mjs'; mermaid.initialize({json.dumps(settings)});" + _RENDER
            )
            return route.fulfill(
                content_type="text/html", body=f'<!doctype html><script type="module">{script}</script>'
            )
        file = (self.dist / path).resolve()
        if route.request.url.startswith(ORIGIN) and self.dist.resolve() in file.parents and file.is_file():
            return route.fulfill(content_type="text/javascript", body=file.read_bytes())
        return route.abort()

    def _render_in_browser(self, source: str, element_id: str) -> tuple[str, float]:
        """The SVG and the smallest font size of its text, in the SVG's own units."""
        if self._page is None:
            self._start()
        try:
            found = self._page.evaluate("([id, text]) => window.renderMermaid(id, text)", [element_id, source])
            return found["svg"], found["smallest"]
        except Exception as exc:  # noqa: BLE001 - Playwright wraps Mermaid's parse error
            raise MermaidError(_parse_error(str(exc))) from None

    def close(self) -> None:
        if self._playwright is not None:
            self._playwright.stop()
        self._playwright = self._page = None


def _parse_error(text: str) -> str:
    """Mermaid's error as one line: where, and what it expected there (its lines in between draw the spot)."""
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    first = lines[0].removeprefix("Page.evaluate: ").removeprefix("Error: ") if lines else "unknown error"
    expecting = next((line for line in lines[1:] if line.startswith("Expecting ")), "")
    if len(expecting) > 160:
        expecting = expecting[:157].rsplit(",", 1)[0] + ", …" + expecting[expecting.rfind(" got ") :]
    return f"{first} {expecting[0].lower()}{expecting[1:]}" if expecting else first


# Renders a diagram, then shows it at one CSS pixel per SVG unit to measure its smallest text: the font size
# of each text times the scale its element is drawn at (an HTML label's, that of its <foreignObject>).
_RENDER = """
window.renderMermaid = async (id, text) => {
  const {svg} = await mermaid.render(id, text);
  const holder = document.createElement('div');
  holder.innerHTML = svg;
  document.body.append(holder);
  const root = holder.querySelector('svg');
  root.style.maxWidth = 'none';
  root.setAttribute('width', root.viewBox.baseVal.width);
  let smallest = 0;
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  while (walker.nextNode()) {
    const element = walker.currentNode.parentElement;
    if (!walker.currentNode.data.trim() || element.closest('title, desc, style')) continue;
    const drawn = element instanceof SVGGraphicsElement ? element : element.closest('foreignObject');
    const matrix = drawn && drawn.getScreenCTM();
    const size = matrix ? parseFloat(getComputedStyle(element).fontSize) * Math.hypot(matrix.a, matrix.b) : 0;
    if (size > 0 && (smallest === 0 || size < smallest)) smallest = size;
  }
  holder.remove();
  return {svg, smallest};
};
"""

_ROOT = re.compile(r'<svg id="[^"]+"[^>]*>')
_VIEWBOX_WIDTH = re.compile(r'\sviewBox="[-\d.]+[ ,]+[-\d.]+[ ,]+([\d.]+)')
_MAX_WIDTH = re.compile(r'(\sstyle=")max-width:\s*([\d.]+)px;?')


def _never_below(svg: str, smallest: float) -> str:
    """`svg` with a `min-width` that keeps its smallest text at MIN_TEXT_PX or more, and focusable when that
    is wider than a phone's column (it may scroll sideways: the arrow keys must reach it)."""
    root = _ROOT.match(svg)
    width = _VIEWBOX_WIDTH.search(root.group(0)) if root else None
    natural = _MAX_WIDTH.search(root.group(0)) if root else None
    if not (root and width and natural and smallest > 0):
        return svg
    needed = min(float(natural.group(2)), float(width.group(1)) * MIN_TEXT_PX / smallest)
    tag = _MAX_WIDTH.sub(rf"\g<1>min-width: {math.ceil(needed)}px; max-width: \g<2>px;", root.group(0), count=1)
    if needed > _NARROWEST_COLUMN:
        tag = tag[:-1] + ' tabindex="0">'
    return tag + svg[root.end() :]
