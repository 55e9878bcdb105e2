"""The search's work kept in the build cache under a digest of everything it is made from.

- Each page's documents (`page_documents`), keyed by the page's finished HTML: an unchanged page is not read
  again.
- The built index (`build`): a rebuild whose pages, synonyms and index code are unchanged (most `mkdocs serve`
  rebuilds after a data or style edit, every warm build) reads the finished pieces back instead of scoring the
  whole handbook again.

Any change to a page, a synonym or the code that reads or indexes makes a new digest, so nothing stale is served.
"""

from __future__ import annotations

import hashlib
import json
import os
import time
import zipfile
from pathlib import Path

from handbook.project import write_whole
from handbook.search import documents, index, text
from handbook.search.documents import Doc
from handbook.search.synonyms import Group

KEEP = 6  # indexes kept: a few branches or worktrees sharing one cache each find theirs
PAGES_KEPT_DAYS = 7  # a page's documents unused for this long are pruned
_CODE = b"".join(Path(module.__file__).read_bytes() for module in (index, text))
_READER = Path(documents.__file__).read_bytes()
_META = "meta.json"


def page_documents(page_url: str, html: str, cache_dir: Path) -> list[Doc]:
    """`documents.from_page(page_url, html)`, read from `cache_dir` when this page was read before."""
    digest = hashlib.sha256(_READER + page_url.encode() + b"\0" + html.encode()).hexdigest()[:32]
    path = cache_dir / "pages" / f"{digest}.json"
    try:
        found = [Doc(*fields) for fields in json.loads(path.read_text(encoding="utf-8"))]
        os.utime(path)  # recently used: kept by `prune_pages`
        return found
    except (OSError, ValueError, TypeError):
        pass
    docs = documents.from_page(page_url, html)
    write_whole(path, json.dumps([[d.location, d.title, d.text, d.kind, d.weight] for d in docs]))
    return docs


def prune_pages(cache_dir: Path) -> None:
    """Forget the documents of pages no build has used for PAGES_KEPT_DAYS (edited pages leave old versions)."""
    oldest = time.time() - PAGES_KEPT_DAYS * 86400
    for path in (cache_dir / "pages").glob("*.json"):
        if _last_used(path) < oldest:
            path.unlink(missing_ok=True)


def digest(docs: list[Doc], groups: list[Group]) -> str:
    """What the index is a function of: the documents, the synonym groups and the code that scores them."""
    found = hashlib.sha256(_CODE)
    found.update(repr(groups).encode())
    for doc in docs:
        found.update(f"\0{doc!r}".encode())
    return found.hexdigest()[:24]


def path_of(docs: list[Doc], groups: list[Group], cache_dir: Path) -> Path:
    """Where the index of these documents and groups is stored."""
    return cache_dir / f"{digest(docs, groups)}.zip"


def find(docs: list[Doc], groups: list[Group], cache_dir: Path) -> index.Index | None:
    """The stored index of these documents and groups, if it was built before."""
    path = path_of(docs, groups, cache_dir)
    try:
        found = read(path)
    except (OSError, KeyError, ValueError, zipfile.BadZipFile):
        return None
    os.utime(path)  # recently used: pruned last
    return found


def build(docs: list[Doc], groups: list[Group], cache_dir: Path) -> index.Index:
    """`index.build(docs, groups)`, read from `cache_dir` when it was built from the same inputs before."""
    found = find(docs, groups, cache_dir)
    if found is not None:
        return found
    built = index.build(docs, groups)
    save(path_of(docs, groups, cache_dir), built)
    return built


def read(path: Path) -> index.Index:
    with zipfile.ZipFile(path) as stored:
        meta = json.loads(stored.read(_META))
        files = {name: stored.read(name) for name in meta["files"]}
    return index.Index(files, meta["documents"], meta["terms"], meta["version"])


def save(path: Path, built: index.Index) -> None:
    """Written beside and renamed into place (a concurrent build never reads half an index); old ones pruned."""
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_suffix(f".{os.getpid()}.tmp")
    meta = {"files": list(built.files), "documents": built.documents, "terms": built.terms, "version": built.version}
    with zipfile.ZipFile(partial, "w", zipfile.ZIP_STORED) as stored:
        for name, data in built.files.items():
            stored.writestr(name, data)
        stored.writestr(_META, json.dumps(meta))
    partial.replace(path)
    for stale in sorted(path.parent.glob("*.zip"), key=_last_used, reverse=True)[KEEP:]:
        stale.unlink(missing_ok=True)


def _last_used(path: Path) -> float:
    try:
        return path.stat().st_mtime
    except OSError:  # pruned by another build meanwhile
        return float("inf")
