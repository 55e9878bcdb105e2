"""ts-fsrs's browser bundle (MIT), copied from node_modules into every site for the flashcards.

The site may load nothing from another host, so the UMD build of the pinned package (about 72 KB, 15 KB
gzipped) is published under `assets/vendor/ts-fsrs/` with its licence. No page lists it: flashcards.js loads it
when a page has flashcards, so no other page pays for it. Its source-map comment is dropped: the map is not
published, and a browser's developer tools would ask for it.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from handbook.errors import DataError

PACKAGE = "ts-fsrs"
VERSION = "5.4.2"  # package.json pins the same; flashcards.js relies on its API (fsrs, createEmptyCard, Rating)
SITE_PATH = "assets/vendor/ts-fsrs/index.umd.js"
LICENSE_SITE_PATH = "assets/vendor/ts-fsrs/LICENSE"
_SOURCE_MAP = re.compile(rb"\n//# sourceMappingURL=\S+\s*$")


def bundle_files(node_modules: Path) -> dict[str, bytes]:
    """The files to publish (site path -> bytes); DataError when the package is missing or another version."""
    package = node_modules / PACKAGE
    manifest = package / "package.json"
    if not manifest.is_file():
        raise DataError([f"node_modules/{PACKAGE} is missing: run `npm ci` (`make build` does) to install it"])
    found = json.loads(manifest.read_text(encoding="utf-8")).get("version")
    if found != VERSION:
        raise DataError(
            [f"node_modules/{PACKAGE} is version {found}, the site needs {VERSION}: run `npm ci` to install it"]
        )
    script = _SOURCE_MAP.sub(b"\n", (package / "dist" / "index.umd.js").read_bytes())
    return {SITE_PATH: script, LICENSE_SITE_PATH: (package / "LICENSE").read_bytes()}
