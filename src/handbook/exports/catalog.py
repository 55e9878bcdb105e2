"""The files the handbook offers for download, and where they live on the site: one list for everything.

The build adds the Anki deck (hooks/study_exports.py); `make pdf` prints the PDFs from a built site into `dist/`
with a manifest of the sources they were printed from, then builds again: a build adds the PDFs only when the
manifest matches its sources, and the downloads page links only the files the build publishes.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

DOWNLOADS_DIR = "downloads"  # under the site root
ANKI_DECK = "backend-interview-handbook.apkg"

# Paper names as Chromium's page.pdf(format=...) spells them.
PAPERS = {"a4": "A4", "letter": "Letter"}
HANDBOOK_PDF = {paper: f"backend-interview-handbook-{paper}.pdf" for paper in PAPERS}
CHECKLISTS_PDF = {paper: f"backend-interview-checklists-{paper}.pdf" for paper in PAPERS}


def site_path(name: str) -> str:
    """The path of a download under the site root, e.g. `downloads/backend-interview-handbook.apkg`."""
    return f"{DOWNLOADS_DIR}/{name}"


# What the PDFs are printed from: a change to any of these makes printed PDFs stale.
PRINTED_FROM = ("docs", "data", "figures", "examples", "src/handbook", "mkdocs.yml", "overrides")
MANIFEST = "pdf-manifest.json"


def sources_fingerprint(root: Path) -> str:
    """A hash of every source the site (and so its PDFs) is made from."""
    digest = hashlib.sha256()
    for top in PRINTED_FROM:
        base = root / top
        paths = [base] if base.is_file() else sorted(p for p in base.rglob("*") if p.is_file())
        for path in paths:
            if "__pycache__" in path.parts or path.suffix == ".pyc":
                continue
            digest.update(path.relative_to(root).as_posix().encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()


def write_manifest(folder: Path, root: Path, files: list[Path]) -> None:
    """Record which sources the PDFs in `folder` were printed from, for the next build to find them."""
    manifest = {"fingerprint": sources_fingerprint(root), "files": sorted(path.name for path in files)}
    (folder / MANIFEST).write_text(json.dumps(manifest, indent=1) + "\n", encoding="utf-8")


def printed_pdfs(folder: Path, root: Path) -> list[Path]:
    """The PDFs in `folder` printed from exactly the current sources; none when absent or stale."""
    try:
        manifest = json.loads((folder / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return []
    if manifest.get("fingerprint") != sources_fingerprint(root):
        return []
    files = [folder / name for name in manifest.get("files", [])]
    return files if files and all(path.is_file() for path in files) else []
