"""Where the handbook's chapters start and what each page holds, kept from one print for the next.

Each paper's handbook is printed twice: a measuring print (markers only) says on which page each chapter starts,
so the contents can name it, and whether a figure is cut; the second print is the one kept. The measuring
print's findings depend only on what was laid out, so they are kept in the build cache under a digest of it: the
assembled document as the browser holds it (every chapter's HTML, with the printing server's address left out)
and every style rule, the bytes of every stylesheet, font and image of the site, the paper and margins, the
code that prints and measures, and the Chromium that lays it out. The same site printed again (`make pdf` twice, or the tests'
print after `make pdf`) skips the measuring print. The kept print is checked as always (verify.py): its chapter
starts must be the numbers the contents give.

The final print (chapter numbers filled in from those starts, the footer, then compacted) depends on nothing
more, so it is kept too, one file per paper: the tests' print after `make pdf` copies it and checks it.
"""

from __future__ import annotations

import hashlib
import json
import shutil
from dataclasses import dataclass
from pathlib import Path

from handbook.project import write_whole

# The assembled document and its style rules, the printing server's address removed, hashed in the page (run with
# the server's origin as its argument).
DIGEST = """async origin => {
  const rules = [...document.styleSheets].map(sheet => {
    try { return [...sheet.cssRules].map(rule => rule.cssText).join("\\n"); } catch (error) { return sheet.href; }
  });
  const text = [document.documentElement.outerHTML, ...rules].join("\\n").split(origin).join("");
  const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(text));
  return [...new Uint8Array(digest)].map(byte => byte.toString(16).padStart(2, "0")).join("");
}"""
_CODE = b"".join(
    (Path(__file__).parent / name).read_bytes() for name in ("printing.py", "verify.py", "assemble.js", "book.css")
)


@dataclass(frozen=True)
class Layout:
    texts: list[str]  # each page's text in the measuring print
    starts: dict[str, int]  # named destination -> its page


# What can change a layout besides the document's HTML and style rules (the site's own scripts are never loaded).
_LAID_OUT = {".css", ".woff", ".woff2", ".ttf", ".otf", ".svg", ".png", ".jpg", ".jpeg", ".webp", ".gif"}


class Layouts:
    """Measured layouts under `folder`, keyed by `key`."""

    def __init__(self, folder: Path, site_dir: Path) -> None:
        self.folder = folder
        found = hashlib.sha256(_CODE)
        for path in sorted(site_dir.rglob("*")):
            if path.suffix.lower() in _LAID_OUT and path.is_file():
                found.update(f"\0{path.relative_to(site_dir).as_posix()}\0".encode() + path.read_bytes())
        self._files = found.hexdigest()

    def key(self, document: str, paper: str, margins: dict, chromium: str) -> str:
        """The digest of everything a measuring print depends on; `document` is the page's DIGEST."""
        found = hashlib.sha256(self._files.encode())
        found.update(json.dumps([paper, margins, chromium], sort_keys=True).encode())
        found.update(document.encode())
        return found.hexdigest()[:32]

    def get(self, key: str) -> Layout | None:
        try:
            stored = json.loads((self.folder / f"{key}.json").read_text(encoding="utf-8"))
            return Layout(stored["texts"], stored["starts"])
        except (OSError, ValueError, KeyError, TypeError):
            return None

    def put(self, key: str, layout: Layout) -> None:
        write_whole(self.folder / f"{key}.json", json.dumps({"texts": layout.texts, "starts": layout.starts}))

    def _final(self, key: str, paper: str, footer: str) -> Path:
        return self.folder / f"{paper}-{hashlib.sha256(f'{key}{footer}'.encode()).hexdigest()[:32]}.pdf"

    def final(self, key: str, paper: str, footer: str, path: Path) -> bool:
        """Copy the final print kept for this layout and footer to `path`; False when none is kept."""
        try:
            shutil.copyfile(self._final(key, paper, footer), path)
        except OSError:
            return False
        return True

    def keep_final(self, key: str, paper: str, footer: str, path: Path) -> None:
        """Keep the final print at `path` (checked and compacted) in place of the paper's previous one."""
        kept = self._final(key, paper, footer)
        for old in self.folder.glob(f"{paper}-*.pdf"):
            if old != kept:
                old.unlink(missing_ok=True)
        write_whole(kept, path.read_bytes())
