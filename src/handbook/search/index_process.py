"""The search index built in a process of its own, while the build's process writes the pages.

Scoring the handbook's documents takes about 1.5 s of one core. On the build's own process that time (on a thread
or not) comes before the last page is written; here it runs on the other core, beside Mermaid's worker.

`python -P -m handbook.search.index_process CACHE ROOT` reads the documents as one JSON list on stdin
(`[location, title, text, kind, weight]` each), builds the index into the build cache (handbook.search.stored),
and prints the path of the stored index.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from handbook.errors import HandbookError
from handbook.figures.json_worker import environment
from handbook.search import index, stored, synonyms
from handbook.search.documents import Doc
from handbook.search.index import Index


class SearchIndexError(HandbookError):
    """The index process failed; `str()` says how."""


def build_elsewhere(docs: list[Doc], groups: list[synonyms.Group], root: Path, cache_dir: Path) -> Index:
    """`stored.build` of these documents and the synonym groups (read from `root` by the process), in a process
    of its own (nothing is started when the cache has this index already)."""
    found = stored.find(docs, groups, cache_dir)
    if found is not None:
        return found
    payload = json.dumps([[d.location, d.title, d.text, d.kind, d.weight] for d in docs])
    done = subprocess.run(
        [sys.executable, "-P", "-m", __name__, str(cache_dir), str(root)],
        input=payload,
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=environment(),
        check=False,
    )
    if done.returncode != 0:
        raise SearchIndexError(
            done.stderr.strip().splitlines()[-1] if done.stderr.strip() else f"exit {done.returncode}"
        )
    return stored.read(Path(done.stdout.strip()))


def main(argv: list[str]) -> int:
    cache_dir, root = (Path(arg) for arg in argv)
    docs = [Doc(*fields) for fields in json.load(sys.stdin)]
    groups = synonyms.load_groups(root)
    path = stored.path_of(docs, groups, cache_dir)
    stored.save(path, index.build(docs, groups))
    print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
