"""The built search index, kept in the build cache under a digest of everything it is made from.

A rebuild whose pages, synonyms and index code are unchanged (most `mkdocs serve` rebuilds after a data or style
edit, every warm build) reads the finished pieces back instead of scoring the whole handbook again. Any change
to a page's text, a synonym or the code that indexes makes a new digest, so a stale index is never served.
"""

from __future__ import annotations

import hashlib
import json
import os
import zipfile
from pathlib import Path

from handbook.search import index, text
from handbook.search.documents import Doc
from handbook.search.synonyms import Group

KEEP = 6  # indexes kept: a few branches or worktrees sharing one cache each find theirs
_CODE = b"".join(Path(module.__file__).read_bytes() for module in (index, text))
_META = "meta.json"


def digest(docs: list[Doc], groups: list[Group]) -> str:
    """What the index is a function of: the documents, the synonym groups and the code that scores them."""
    found = hashlib.sha256(_CODE)
    found.update(repr(groups).encode())
    for doc in docs:
        found.update(f"\0{doc!r}".encode())
    return found.hexdigest()[:24]


def build(docs: list[Doc], groups: list[Group], cache_dir: Path) -> index.Index:
    """`index.build(docs, groups)`, read from `cache_dir` when it was built from the same inputs before."""
    path = cache_dir / f"{digest(docs, groups)}.zip"
    try:
        found = _read(path)
        os.utime(path)  # recently used: pruned last
        return found
    except (OSError, KeyError, ValueError, zipfile.BadZipFile):
        pass
    built = index.build(docs, groups)
    _write(path, built)
    return built


def _read(path: Path) -> index.Index:
    with zipfile.ZipFile(path) as stored:
        meta = json.loads(stored.read(_META))
        files = {name: stored.read(name) for name in meta["files"]}
    return index.Index(files, meta["documents"], meta["terms"], meta["version"])


def _write(path: Path, built: index.Index) -> None:
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
        return 0.0
