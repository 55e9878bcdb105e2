"""A build after `make pdf` publishes the PDFs printed from its own sources and links each one; a stale print is left out."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys

from handbook.exports.catalog import MANIFEST, printed_pdfs, sources_fingerprint
from tests.conftest import ROOT


def test_a_build_links_the_pdfs_printed_from_its_sources(printed, tmp_path):
    folder = tmp_path / "printed"
    shutil.copytree(printed.folder, folder)
    assert printed_pdfs(folder, ROOT), "make pdf wrote a manifest matching these sources"
    site = tmp_path / "site"
    result = subprocess.run(
        [sys.executable, "scripts/build.py", "--site-dir", str(site)],
        cwd=ROOT,
        env={**os.environ, "HANDBOOK_PDFS": str(folder)},
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    html = (site / "study" / "downloads" / "index.html").read_text(encoding="utf-8")
    links = re.findall(r'href="\.\./\.\./(downloads/[^"]+)"', html)
    assert len(links) == 5  # the deck, and the handbook and the checklists in two papers
    for link in links:
        # A PDF starts with "%PDF-"; the Anki deck is a zip archive ("PK\3\4").
        assert (site / link).read_bytes()[:5].startswith(b"%PDF-" if link.endswith(".pdf") else b"PK\x03\x04"), link


def test_pdfs_printed_from_other_sources_are_not_published(printed, tmp_path):
    folder = tmp_path / "printed"
    shutil.copytree(printed.folder, folder)
    manifest = folder / MANIFEST
    manifest.write_text(manifest.read_text().replace(sources_fingerprint(ROOT), "0" * 64), encoding="utf-8")
    assert printed_pdfs(folder, ROOT) == []
    manifest.unlink()
    assert printed_pdfs(folder, ROOT) == []
