"""Read a printed PDF with poppler (pdftotext, pdfinfo) and check what the PDFs promise.

Each check returns a list of problems, one line each naming the page, figure or chapter and what to do, so
scripts/build_pdf.py can refuse to publish a PDF with a figure cut in two, a checklist on two pages or a
chapter missing. The figures and checklists carry invisible markers at their top and bottom (assemble.js),
printed only in the measuring print (printing.py): both must be on the same page.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

MARKER = re.compile(r"hbmk-([a-z]\d+)-(top|end)")
_DEST = re.compile(r'^\s*(\d+)\s+\[[^\]]*\]\s+"(.*)"\s*$')
_SIZE = re.compile(r"^Page size:\s+([\d.]+) x ([\d.]+) pts", re.M)
_PAGES = re.compile(r"^Pages:\s+(\d+)", re.M)


class PopplerMissing(RuntimeError):
    pass


def require_poppler() -> None:
    """Checked before printing, so a missing tool costs no print."""
    missing = [tool for tool in ("pdftotext", "pdfinfo") if shutil.which(tool) is None]
    if missing:
        raise PopplerMissing(f"{' and '.join(missing)} not installed: apt-get install poppler-utils (make system-test)")


def _run(*command: str) -> str:
    return subprocess.run(command, capture_output=True, check=True).stdout.decode("utf-8", "replace")


def flat(text: str) -> str:
    return " ".join(text.split())


def page_texts(pdf: Path) -> list[str]:
    """The text of each page (pdftotext ends every page with a form feed)."""
    pages = _run("pdftotext", "-enc", "UTF-8", str(pdf), "-").split("\f")
    return pages[:-1] if pages and not pages[-1].strip() else pages


@dataclass(frozen=True)
class Info:
    pages: int
    width: float  # points
    height: float


def info(pdf: Path) -> Info:
    out = _run("pdfinfo", str(pdf))
    size = _SIZE.search(out)
    return Info(int(_PAGES.search(out).group(1)), float(size.group(1)), float(size.group(2)))


def destinations(pdf: Path) -> dict[str, int]:
    """Named destinations and their page: Chromium writes one for every element a link in the document targets."""
    found = {}
    for line in _run("pdfinfo", "-dests", str(pdf)).splitlines():
        match = _DEST.match(line)
        if match:
            found[match.group(2)] = int(match.group(1))
    return found


def marker_pages(texts: list[str]) -> dict[tuple[str, str], list[int]]:
    found: dict[tuple[str, str], list[int]] = {}
    for number, text in enumerate(texts, start=1):
        for match in MARKER.finditer(text):
            found.setdefault((match.group(1), match.group(2)), []).append(number)
    return found


def split_blocks(texts: list[str], blocks: list[dict]) -> list[str]:
    """Every figure and checklist whose top and bottom are not on one page."""
    found = marker_pages(texts)
    problems = []
    for block in blocks:
        what = f"{block['kind']} {block['label']!r} in {block['chapter']!r} ({block['source']})"
        top, end = found.get((block["marker"], "top")), found.get((block["marker"], "end"))
        if not top or not end:
            problems.append(f"{what}: its markers are not in the PDF's text, so it cannot be checked")
        elif top != end:
            fix = (
                "shorten it so it fits one page"
                if block["kind"] == "checklist"
                else "make it shorter or keep `break-inside: avoid` in scripts/pdf_book/book.css"
            )
            problems.append(f"{what} is split across pages {top[0]} and {end[0]}: {fix}")
    return problems


def leftover_markers(texts: list[str]) -> list[str]:
    """The final print must not carry the markers: a reader would find them when searching or copying text."""
    pages = [number for number, text in enumerate(texts, start=1) if MARKER.search(text)]
    return (
        [f"check markers (hbmk-…) left in the text of pages {pages[:5]}: remove them before the final print"]
        if pages
        else []
    )


def chapter_problems(texts: list[str], dests: dict[str, int], chapters) -> list[str]:
    """Every chapter starts a page of its own, in nav order, and that page shows its title."""
    problems, previous = [], 0
    for chapter in chapters:
        page = dests.get(chapter.anchor)
        if page is None:
            problems.append(f"{chapter.source}: the chapter {chapter.title!r} is not in the PDF (no destination)")
            continue
        if page <= previous:
            problems.append(
                f"{chapter.source}: the chapter {chapter.title!r} starts on page {page}, not after page {previous}"
            )
        previous = page
        if flat(chapter.title) not in flat(texts[page - 1]):
            problems.append(f"{chapter.source}: the title {chapter.title!r} is not on its first page ({page})")
    return problems


def toc_problems(dests: dict[str, int], printed: dict[str, int], chapters) -> list[str]:
    """The page numbers written into the contents are the pages the chapters start on."""
    return [
        f"{chapter.source}: the contents say page {printed.get(chapter.anchor)} for {chapter.title!r}, "
        f"it starts on page {dests.get(chapter.anchor)}"
        for chapter in chapters
        if printed.get(chapter.anchor) != dests.get(chapter.anchor)
    ]


def checklist_problems(texts: list[str], chapters) -> list[str]:
    """One page per checklist, in nav order, each page showing its checklist's title."""
    problems = []
    if len(texts) != len(chapters):
        problems.append(f"the checklists PDF has {len(texts)} pages for {len(chapters)} checklists: one page each")
    for number, (text, chapter) in enumerate(zip(texts, chapters, strict=False), start=1):
        if flat(chapter.title) not in flat(text):
            problems.append(f"{chapter.source}: page {number} of the checklists PDF does not show {chapter.title!r}")
    return problems
