"""MkDocs hook: build the Anki deck into the site, at `downloads/backend-interview-handbook.apkg` (`on_nav`).

`on_nav` because each quiz's sub-deck is its page's nav section, and because it runs before any page renders:
the downloads page can then link the deck and show its size, and MkDocs' strict link check sees the file.
The deck is cached by content in `.cache/downloads/`; a build whose quizzes, quiz pages and deck code are
unchanged reuses it. Its links point to the published site (`site_url` in mkdocs.yml), also when `mkdocs
serve` or the tests build with a local address. The PDFs are printed from the built site (`make pdf`).
"""

from __future__ import annotations

import hashlib
import json
import os
import sys
from importlib.metadata import version
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File
from mkdocs.utils import yaml_load

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

import build_anki  # noqa: E402

from macros import _quiz_calls, build_data, downloads_catalog  # noqa: E402
from macros.data_loader import DataError  # noqa: E402

CACHE = Path(os.environ.get("HANDBOOK_DOWNLOADS_CACHE", ROOT / ".cache" / "downloads"))
# The code that shapes the deck: a change to any of these builds it again.
DECK_CODE = ["scripts/build_anki.py", "macros/safe_markdown.py", "macros/data_models.py"]


def _published_site_url(config) -> str:
    with open(config.config_file_path, encoding="utf-8") as source:
        return yaml_load(source).get("site_url") or ""


def _cache_key(root: Path, places: dict) -> str:
    digest = hashlib.sha256()
    for path in sorted((root / "data" / "quizzes").glob("*.yml")) + [root / name for name in DECK_CODE]:
        digest.update(path.relative_to(root).as_posix().encode() + b"\0" + path.read_bytes() + b"\0")
    digest.update(json.dumps({qid: [p.deck, p.url] for qid, p in sorted(places.items())}).encode())
    digest.update(f"genanki {version('genanki')}".encode())
    return digest.hexdigest()[:20]


def on_nav(nav, config, files):
    data = build_data(config)
    try:
        calls = _quiz_calls(files)
    except UnicodeDecodeError:
        return nav  # MkDocs names the page that is not UTF-8 when it reads it, just after this hook
    if set(calls) - set(data.quizzes):
        # A page calls a quiz that does not exist (a typo, say): the quiz macro stops the build with the
        # page, the line and the known ids, a clearer message than "this quiz is on no page" would be.
        return nav
    try:
        places = build_anki.places_in_nav(files, _published_site_url(config), list(data.quizzes))
    except DataError as exc:
        raise PluginError(f"the Anki deck cannot be built:\n{exc}") from None
    content = _deck(CACHE / f"{_cache_key(ROOT, places)}.apkg", data, places)
    downloads_catalog.BUILT[downloads_catalog.ANKI_DECK] = len(content)
    # The bytes, not the cached path: another build (mkdocs serve beside make test) may prune the cache.
    files.append(File.generated(config, downloads_catalog.site_path(downloads_catalog.ANKI_DECK), content=content))
    return nav


def _deck(cached: Path, data, places) -> bytes:
    """The deck's bytes, from the cache or newly built into it (written whole, then moved into place)."""
    try:
        return cached.read_bytes()
    except FileNotFoundError:
        pass
    CACHE.mkdir(parents=True, exist_ok=True)
    for old in CACHE.glob("*.apkg"):  # an older deck is never used again
        old.unlink(missing_ok=True)
    build_anki.build_deck(ROOT, cached, data=data, places=places)  # writes a .partial file, then renames
    return cached.read_bytes()
