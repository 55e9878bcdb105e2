"""MkDocs hook: publish third-party browser code from `node_modules/` (pinned in package-lock.json).

Mermaid is served from the site itself, so viewing a page never contacts another host; the loader in
`docs/assets/javascripts/mermaid-loader.js` fetches it only on pages that hold a Mermaid figure.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files

ROOT = Path(__file__).resolve().parent.parent
VENDORED = {"assets/vendor/mermaid.min.js": ROOT / "node_modules" / "mermaid" / "dist" / "mermaid.min.js"}


def on_files(files: Files, config) -> Files:
    for dest, source in VENDORED.items():
        if not source.is_file():
            raise PluginError(f"{source.relative_to(ROOT)} is missing: run `make build` (it runs `npm ci`)")
        files.append(File.generated(config, dest, abs_src_path=str(source)))
    return files
