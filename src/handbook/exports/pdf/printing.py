"""Print the assembled documents with headless Chromium (Playwright's async API) and check the printed files.

A browser context per document and paper, each with its own routes: the private files (book.py's skeleton,
assemble.js, book.css) are answered at `PRIVATE` under the site's address, every request is recorded, and any
request to another host is refused and reported.
"""

from __future__ import annotations

import asyncio
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import pikepdf
from playwright.async_api import async_playwright

from handbook.errors import HandbookError
from handbook.figures.chromium import CHROMIUM, CHROMIUM_ARGS

from . import verify
from .book import PRIVATE, Book
from .layouts import DIGEST, Layout, Layouts

# Chromium rounds a page to 1/75 inch: 210 x 297 mm prints 595.92 x 841.92 pt, the nearest it can get to A4's
# 595.28 x 841.89 (format="A4" is 8.27 x 11.7 in, a point taller). Letter is exact.
SIZES = {"A4": ("210mm", "297mm"), "Letter": ("8.5in", "11in")}
HANDBOOK_MARGINS = {"top": "14mm", "bottom": "16mm", "left": "15mm", "right": "15mm"}
# As on the site's checklist pages, which the browser tests prove fit one page with these margins.
CHECKLIST_MARGINS = dict.fromkeys(("top", "bottom", "left", "right"), "0.4in")
# Header and footer are drawn by Chromium outside the page's CSS, so their style is inline here.
FOOTER = (
    '<div style="width:100%;margin:0 15mm;font:8px system-ui,sans-serif;color:#555;display:flex;'
    'justify-content:space-between"><span>{title}</span><span><span class="pageNumber"></span> / '
    '<span class="totalPages"></span></span></div>'
)


class PdfError(HandbookError):
    """Why no PDF was written; `str()` is one line per problem."""


@dataclass
class Printed:
    """A PDF written into place."""

    path: Path
    pages: int
    size: tuple[float, float]
    bytes: int


@dataclass
class Result:
    """What a run printed and what the browser asked for."""

    files: list[Printed] = field(default_factory=list)
    requests: list[str] = field(default_factory=list)  # every URL the browser asked for
    blocked: list[str] = field(default_factory=list)  # requests to another host, refused
    measured: dict[str, list[str]] = field(default_factory=dict)  # file name -> page texts of its measuring print
    seconds: float = 0.0


async def _context(browser, base_url: str, files: dict[str, tuple[str, bytes]], result: Result):
    """A browser context that records every request, refuses other hosts and answers the private files."""
    origin = "{0.scheme}://{0.netloc}/".format(urlsplit(base_url))
    context = await browser.new_context()
    context.on("request", lambda request: result.requests.append(request.url))

    async def refuse(route) -> None:
        result.blocked.append(route.request.url)
        await route.abort("blockedbyclient")

    async def answer(route) -> None:
        name = route.request.url[len(base_url + PRIVATE) :].split("?")[0]
        if name not in files:
            await route.fulfill(status=404, body=b"")
            return
        kind, body = files[name]
        await route.fulfill(status=200, content_type=kind, body=body)

    await context.route(lambda url: not url.startswith((origin, "data:", "blob:")), refuse)
    await context.route(base_url + PRIVATE + "**", answer)
    return context


async def _assemble(context, base_url: str, book: Book, name: str):
    page = await context.new_page()
    await page.goto(base_url + PRIVATE + name, wait_until="load")
    report = await page.evaluate("options => window.hbAssemble(options)", {"base": base_url, "siteUrl": book.site_url})
    if report["problems"]:
        raise PdfError(report["problems"])
    return page, report["blocks"]


async def _print(page, paper: str, out: Path, margins: dict, footer: str | None, tagged: bool = True) -> None:
    """Print `page`; tagged (for screen readers) with bookmarks from the headings, unless only measuring."""
    width, height = SIZES[paper]
    options = {"width": width, "height": height, "margin": margins, "print_background": True}
    if footer:
        options |= {"display_header_footer": True, "header_template": "<span></span>", "footer_template": footer}
    out.write_bytes(await page.pdf(outline=tagged, tagged=tagged, **options))


def compact(pdf: Path) -> None:
    """Rewrite the PDF with its objects in compressed streams: Chromium writes the tags (one object per element,
    over 100,000 in the handbook) uncompressed, two thirds of the file. Same content, 60% smaller."""
    smaller = pdf.with_name(pdf.name + ".compact")
    with pikepdf.open(pdf) as document:
        document.save(smaller, object_stream_mode=pikepdf.ObjectStreamMode.generate, compress_streams=True)
    smaller.replace(pdf)


def _no_loopback(pdf: Path, base_url: str) -> list[str]:
    """The printing server's address must not be in the file (link annotations are not compressed)."""
    with open(pdf, "rb") as file:  # before compact(): object streams would hide the URIs
        if urlsplit(base_url).netloc.encode() in file.read():
            return [f"links to {base_url}, the server it was printed from: in-book links must be #fragments"]
    return []


def _raise(path: Path, paper: str, problems: list[str]) -> None:
    if problems:
        name = path.name.removesuffix(".partial")
        raise PdfError([f"{name} ({paper}): {problem}" for problem in problems])


# The measuring print paints only the blocks' markers (book.css); the final print has none: they take no room,
# so removing them moves nothing.
MEASURING = "document.documentElement.classList.add('hb-measuring')"
UNMARKED = """document.documentElement.classList.remove('hb-measuring');
              document.querySelectorAll('.hb-marker').forEach(marker => marker.remove())"""


async def _measure(page, paper: str, path: Path, margins: dict, result: Result) -> list[str]:
    """Print only the markers, untagged (half the time of a real print); return (and keep) each page's text."""
    await _print(page, paper, path, margins, None, tagged=False)
    texts = await asyncio.to_thread(verify.page_texts, path)
    result.measured[path.name.removesuffix(".partial")] = texts
    return texts


async def _layout(
    page, where: tuple[str, str], paper: str, path: Path, result: Result, layouts: Layouts | None
) -> tuple[list, dict, str | None]:
    """Each page's text, each chapter's first page and the layout's key: measured (a print of the markers), or
    kept from the measuring print of the same document (layouts.py). `where` is the site's address and Chromium's
    version."""
    base_url, chromium = where
    key = known = None
    if layouts:
        document = await page.evaluate(DIGEST, "{0.scheme}://{0.netloc}".format(urlsplit(base_url)))
        key = layouts.key(document, paper, HANDBOOK_MARGINS, chromium)
        known = layouts.get(key)
    if known is not None:
        result.measured[path.name.removesuffix(".partial")] = known.texts
        return known.texts, known.starts, key
    await page.evaluate(MEASURING)
    marked = await _measure(page, paper, path, HANDBOOK_MARGINS, result)
    starts = await asyncio.to_thread(verify.destinations, path)
    if layouts:
        layouts.put(key, Layout(marked, starts))
    return marked, starts, key


async def print_handbook(
    browser, base_url: str, book: Book, files, result: Result, paper: str, path: Path, layouts: Layouts | None
) -> None:
    """Assemble, measure, number the contents, print, compact and check the handbook on one paper (the final print
    is copied from `layouts` when it kept one for the same layout)."""
    footer = FOOTER.format(title=book.site_name)
    context = await _context(browser, base_url, files, result)
    try:
        page, blocks = await _assemble(context, base_url, book, "handbook.html")
        # A first print learns where the chapters start and whether a figure is cut. The margins are the same and
        # hiding changes no layout, so the final print's pages are the same (toc_problems checks the starts).
        marked, starts, key = await _layout(page, (base_url, browser.version), paper, path, result, layouts)
        _raise(path, paper, verify.split_blocks(marked, [block for block in blocks if block["kind"] == "figure"]))
        numbers = {chapter.anchor: starts[chapter.anchor] for chapter in book.chapters if chapter.anchor in starts}
        kept = key is not None and await asyncio.to_thread(layouts.final, key, paper, footer, path)
        if not kept:
            await _print_numbered(page, numbers, paper, path, footer)
    finally:
        await context.close()
    if not kept:
        _raise(path, paper, _no_loopback(path, base_url))
        await asyncio.to_thread(compact, path)
    texts, dests = await asyncio.to_thread(verify.page_texts, path), await asyncio.to_thread(verify.destinations, path)
    _raise(
        path,
        paper,
        verify.chapter_problems(texts, dests, book.chapters)
        + verify.toc_problems(dests, numbers, book.chapters)
        + verify.leftover_markers(texts),
    )
    if key is not None and not kept:
        await asyncio.to_thread(layouts.keep_final, key, paper, footer, path)


async def _print_numbered(page, numbers: dict[str, int], paper: str, path: Path, footer: str) -> None:
    """The final print: no markers, and the contents' page numbers filled in."""
    await page.evaluate(UNMARKED)
    await page.evaluate(
        """pages => { for (const [anchor, number] of Object.entries(pages)) {
             document.querySelector(`[data-page-of="${anchor}"]`).textContent = String(number); } }""",
        numbers,
    )
    await _print(page, paper, path, HANDBOOK_MARGINS, footer)


async def print_checklists(browser, base_url: str, book: Book, files, result: Result, paths: dict[str, Path]) -> None:
    """Measure each paper (a checklist on two pages stops here), then print, compact and check the final files."""
    context = await _context(browser, base_url, files, result)
    try:
        page, blocks = await _assemble(context, base_url, book, "checklists.html")
        await page.evaluate(MEASURING)
        for paper, path in paths.items():
            _raise(
                path, paper, verify.split_blocks(await _measure(page, paper, path, CHECKLIST_MARGINS, result), blocks)
            )
        await page.evaluate(UNMARKED)
        for paper, path in paths.items():
            await _print(page, paper, path, CHECKLIST_MARGINS, None)
    finally:
        await context.close()
    for paper, path in paths.items():
        _raise(path, paper, _no_loopback(path, base_url))
        await asyncio.to_thread(compact, path)
        texts = await asyncio.to_thread(verify.page_texts, path)
        _raise(path, paper, verify.checklist_problems(texts, book.checklists) + verify.leftover_markers(texts))


async def print_all(
    base_url: str,
    book: Book,
    files: dict[str, tuple[str, bytes]],
    handbooks: dict[str, Path],
    checklists: dict[str, Path],
    layouts: Layouts | None = None,
) -> Result:
    """Print and check the handbook (`handbooks`: paper -> path) and the checklists; raise PdfError on problems.

    Each paper's handbook in a browser context of its own, at the same time: on two cores this takes two
    thirds of the time of one after the other (Chromium prints a page in its renderer's main thread).
    `files` are the private page's files (name -> content type, bytes); `layouts`, where measuring prints are
    kept (none: always measure).
    """
    result = Result()
    async with async_playwright() as playwright:
        browser = await playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            jobs = [
                print_handbook(browser, base_url, book, files, result, p, path, layouts)
                for p, path in handbooks.items()
            ]
            jobs.append(print_checklists(browser, base_url, book, files, result, checklists))
            outcomes = await asyncio.gather(*jobs, return_exceptions=True)
        finally:
            await browser.close()
    problems = []
    for outcome in outcomes:
        if isinstance(outcome, PdfError):
            problems += outcome.problems
        elif isinstance(outcome, BaseException):
            raise outcome
    problems += [f"the page asked for {url}: the PDFs may load nothing from another host" for url in result.blocked]
    if problems:
        raise PdfError(list(dict.fromkeys(problems)))  # both papers' contexts report a bad page alike
    return result
