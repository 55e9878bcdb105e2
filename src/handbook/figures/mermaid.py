"""Render Mermaid sources to SVG at build time in headless Chromium, cached by content.

Pages then carry finished SVG: no Mermaid JavaScript is downloaded by readers, figures print and work without
JavaScript, and their colours come from Material's `--md-mermaid-*` variables, so they follow dark mode.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
from pathlib import Path

from handbook.errors import MermaidError
from handbook.figures.chromium import CHROMIUM, CHROMIUM_ARGS

ORIGIN = "http://mermaid.invalid/"  # served by request interception: Chromium never touches the network


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
        svg = self._render_in_browser(source, f"mermaid-{key[:12]}")
        self.cache_dir.mkdir(parents=True, exist_ok=True)
        temporary = cached.with_suffix(f".{os.getpid()}.tmp")
        temporary.write_text(svg, encoding="utf-8")
        temporary.replace(cached)
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
            script = (
                "import mermaid from './mermaid.esm.min.mjs';"
                f"mermaid.initialize({{startOnLoad: false, securityLevel: 'strict', themeCSS: {json.dumps(self._theme)},"
                " sequence: {actorFontSize: '16px', messageFontSize: '16px', noteFontSize: '16px'}});"
                "window.renderMermaid = async (id, text) => (await mermaid.render(id, text)).svg;"
            )
            return route.fulfill(
                content_type="text/html", body=f'<!doctype html><script type="module">{script}</script>'
            )
        file = (self.dist / path).resolve()
        if route.request.url.startswith(ORIGIN) and self.dist.resolve() in file.parents and file.is_file():
            return route.fulfill(content_type="text/javascript", body=file.read_bytes())
        return route.abort()

    def _render_in_browser(self, source: str, element_id: str) -> str:
        if self._page is None:
            self._start()
        try:
            return self._page.evaluate("([id, text]) => window.renderMermaid(id, text)", [element_id, source])
        except Exception as exc:  # noqa: BLE001 - Playwright wraps Mermaid's parse error; keep its first line
            message = str(exc).split("\n")[0].removeprefix("Error: ").removeprefix("Page.evaluate: ")
            raise MermaidError(message) from None

    def close(self) -> None:
        if self._playwright is not None:
            self._playwright.stop()
        self._playwright = self._page = None
