"""MkDocs hook: publish third-party browser code from `node_modules/` (pinned in package-lock.json).

Mermaid is served from the site itself, so viewing a page never contacts another host. Its ES-module build
is published with its chunks: `docs/assets/javascripts/mermaid-loader.js` imports the small entry point only
on pages that hold a Mermaid figure, and the browser then fetches just the chunks that figure's type needs.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files

ROOT = Path(__file__).resolve().parent.parent
MERMAID = ROOT / "node_modules" / "mermaid" / "dist"
PUBLISHED = "assets/vendor/mermaid"


def _mermaid_files() -> list[Path]:
    entry = MERMAID / "mermaid.esm.min.mjs"
    if not entry.is_file():
        raise PluginError(f"{entry.relative_to(ROOT)} is missing: run `make build` (it runs `npm ci`)")
    return [entry, *sorted((MERMAID / "chunks" / "mermaid.esm.min").glob("*.mjs"))]


def on_files(files: Files, config) -> Files:
    for source in _mermaid_files():
        dest = f"{PUBLISHED}/{source.relative_to(MERMAID).as_posix()}"
        files.append(File.generated(config, dest, abs_src_path=str(source)))
    return files
