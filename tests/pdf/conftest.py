"""The four PDFs, printed once for the session by scripts/build_pdf.py from the shared built site and server."""

from __future__ import annotations

import functools
import re
import subprocess
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import pytest

from handbook.exports.catalog import CHECKLISTS_PDF, HANDBOOK_PDF, PAPERS
from handbook.exports.pdf.make import build_pdfs
from handbook.exports.pdf.printing import Result


@dataclass(frozen=True)
class Printed:
    result: Result
    folder: Path

    def handbook(self, paper: str) -> Path:
        return self.folder / HANDBOOK_PDF[paper]

    def checklists(self, paper: str) -> Path:
        return self.folder / CHECKLISTS_PDF[paper]


@pytest.fixture(scope="session")
def printed(site_dir, site_url, tmp_path_factory) -> Printed:
    folder = tmp_path_factory.mktemp("pdfs")
    # In a thread of its own: the script runs its own Playwright, apart from the session's browser.
    with ThreadPoolExecutor(1) as pool:
        result = pool.submit(build_pdfs, site_dir, folder, site_url).result()
    return Printed(result, folder)


def poppler(*command: str) -> str:
    return subprocess.run(command, capture_output=True, check=True).stdout.decode("utf-8")


def flat(text: str) -> str:
    return " ".join(text.split())


# Read here with poppler directly, not with the script's own reader (scripts/pdf_book/verify.py).
@functools.cache
def texts(pdf: Path) -> list[str]:
    """The text of each page: pdftotext ends every page with a form feed."""
    return poppler("pdftotext", "-enc", "UTF-8", str(pdf), "-").split("\f")[:-1]


@functools.cache
def destinations(pdf: Path) -> dict[str, int]:
    """Named destination -> page, as `pdfinfo -dests` lists them."""
    lines = poppler("pdfinfo", "-dests", str(pdf)).splitlines()
    return {m.group(2): int(m.group(1)) for line in lines if (m := re.match(r'\s*(\d+)\s+\[.*\]\s+"(.*)"$', line))}


def page_count(pdf: Path) -> int:
    return int(re.search(r"^Pages:\s+(\d+)", poppler("pdfinfo", str(pdf)), re.M).group(1))


PAPER_KEYS = list(PAPERS)
