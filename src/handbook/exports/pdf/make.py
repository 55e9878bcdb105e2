"""Print the handbook and its checklists to PDF (A4 and US Letter) from the built site, with headless Chromium.

Usage: python scripts/build_pdf.py [--site-dir site] [--output dist] [--publish] [--base-url URL]

Four files, named in handbook/exports/catalog.py: the handbook (cover, contents with page numbers, every page
of the nav in order except those with `pdf: false` in their front matter, quiz answers at the end of each
chapter, bookmarks) and the checklists (one per page), each in A4 and Letter. The pages are assembled into one
document in the browser, at a private path (this folder's assemble.js): nothing is written into the site. The site is
served from `--site-dir` on a free loopback port, or read from `--base-url` if it is served already; a request
to any other host is refused and fails the build.

Each paper's handbook is printed twice, both papers at once: the first print tells on which page each chapter
starts (its named destination), the numbers go into the contents, the second print is the one kept. The first
print's findings are kept in the build cache (layouts.py): the same site printed again prints once. Every PDF
is then checked (verify.py): no figure or checklist split across pages, each chapter on a new
page with its title, the contents' numbers right, one page per checklist. The four files are written under
temporary names and moved into place only when all four passed; `--publish` then copies them into
`<site-dir>/downloads/`.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import shutil
import subprocess
import sys
import time
from contextlib import nullcontext
from pathlib import Path

from handbook.content.loading import load_data
from handbook.errors import DataError
from handbook.exports.catalog import CHECKLISTS_PDF, DOWNLOADS_DIR, HANDBOOK_PDF, PAPERS, write_manifest
from handbook.exports.pdf import verify
from handbook.exports.pdf.book import Book, BookError, checklists_html, handbook_html, load_book
from handbook.exports.pdf.layouts import Layouts
from handbook.exports.pdf.printing import PdfError, Printed, Result, print_all
from handbook.project import repository
from handbook.serving import serve
from handbook.text import build_date

ROOT = repository().root
HERE = Path(__file__).resolve().parent


def check_site(site_dir: Path) -> None:
    if not (site_dir / "index.html").is_file() or not (site_dir / "sitemap.xml").is_file():
        raise PdfError([f"{site_dir}: no built site there: run `make build` first"])


def check_pages(site_dir: Path, book: Book) -> None:
    """Every chapter is a page of the built site (a site built before a page was added is not)."""
    missing = [c for c in book.chapters if not (site_dir / c.url / "index.html").is_file()]
    if missing:
        raise PdfError(
            [f"{site_dir / c.url / 'index.html'}: not built ({c.source}): run `make build` first" for c in missing]
        )


def commit() -> str | None:
    """The short commit the PDFs are built from, if this is a git checkout (CI: GITHUB_SHA)."""
    try:
        out = subprocess.run(
            ["git", "-C", str(ROOT), "rev-parse", "--short", "HEAD"], capture_output=True, text=True, check=True
        )
        return out.stdout.strip() or None
    except (OSError, subprocess.CalledProcessError):
        return (os.environ.get("GITHUB_SHA") or "")[:7] or None


def cover_date() -> str:
    """The build's date as the cover prints it: `7 December 2026`."""
    day = build_date()
    return f"{day.day} {day:%B %Y}"


def _private_files(book: Book) -> dict[str, tuple[str, bytes]]:
    return {
        "handbook.html": ("text/html", handbook_html(book, cover_date(), commit()).encode()),
        "checklists.html": ("text/html", checklists_html(book).encode()),
        "book.css": ("text/css", (HERE / "book.css").read_bytes()),
        "assemble.js": ("text/javascript", (HERE / "assemble.js").read_bytes()),
    }


def _partial(path: Path) -> Path:
    return path.with_name(path.name + ".partial")


def build_pdfs(site_dir: Path, output: Path, base_url: str | None = None, publish: bool = False) -> Result:
    """Print, check and write the four PDFs into `output` (and `site_dir/downloads/` with `publish`)."""
    started = time.monotonic()
    check_site(site_dir)
    verify.require_poppler()
    try:
        book = load_book(ROOT, list(load_data(ROOT).checklists))
    except (DataError, BookError) as exc:
        raise PdfError(str(exc).splitlines()) from None
    check_pages(site_dir, book)
    handbooks = {paper: output / HANDBOOK_PDF[key] for key, paper in PAPERS.items()}
    checklists = {paper: output / CHECKLISTS_PDF[key] for key, paper in PAPERS.items()}
    finals = [*handbooks.values(), *checklists.values()]
    output.mkdir(parents=True, exist_ok=True)
    try:
        with serve(site_dir) if base_url is None else nullcontext(base_url) as url:
            url = url.rstrip("/") + "/"
            result = asyncio.run(
                print_all(
                    url,
                    book,
                    _private_files(book),
                    {paper: _partial(path) for paper, path in handbooks.items()},
                    {paper: _partial(path) for paper, path in checklists.items()},
                    Layouts(repository().cache("pdf-layouts"), site_dir),
                )
            )
        for final in finals:  # only now that all four passed
            _partial(final).replace(final)
            details = verify.info(final)
            result.files.append(Printed(final, details.pages, (details.width, details.height), final.stat().st_size))
    finally:
        for final in finals:
            _partial(final).unlink(missing_ok=True)
            final.with_name(final.name + ".partial.compact").unlink(missing_ok=True)
    write_manifest(output, ROOT, [printed.path for printed in result.files])
    if publish:
        publish_pdfs(site_dir, [printed.path for printed in result.files])
    result.seconds = time.monotonic() - started
    return result


def publish_pdfs(site_dir: Path, files: list[Path]) -> None:
    """Copy the PDFs beside the site's other downloads, each under a temporary name first."""
    folder = site_dir / DOWNLOADS_DIR
    folder.mkdir(exist_ok=True)
    for path in files:
        partial = _partial(folder / path.name)
        shutil.copyfile(path, partial)
        partial.replace(folder / path.name)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site-dir", type=Path, default=ROOT / "site", help="the built site (default: site/)")
    parser.add_argument("--output", type=Path, default=ROOT / "dist", help="where to write the PDFs (default: dist/)")
    parser.add_argument("--publish", action="store_true", help="also copy them into <site-dir>/downloads/")
    parser.add_argument("--base-url", help="print from this server instead of serving --site-dir on loopback")
    args = parser.parse_args(argv)
    try:
        result = build_pdfs(args.site_dir.resolve(), args.output.resolve(), args.base_url, args.publish)
    except (PdfError, verify.PopplerMissing) as exc:
        problems = str(exc).splitlines()
        if len(problems) == 1:
            print(f"No PDF was written: {problems[0]}", file=sys.stderr)
        else:
            print("No PDF was written:", *(f"  {line}" for line in problems), sep="\n", file=sys.stderr)
        return 1
    for printed in result.files:
        print(f"{printed.path}: {printed.pages} pages, {printed.bytes / 1e6:.1f} MB")
    print(f"{len(result.files)} PDFs in {result.seconds:.0f} s" + (" (published)" if args.publish else ""))
    return 0


if __name__ == "__main__":
    sys.exit(main())
