"""The search in every build (hooks/search_index.py): Material's search box and result list, with the
handbook's worker and index behind them.

- Each page's sections, quiz questions, checklist items and figures are collected once it is converted
  (`collect`).
- Once every page is (`start_index`), the collected pages, sections and practice material become the chunked
  index, in a process of its own while the pages are written (index_process.py; read from the build cache
  when nothing it is made from changed: stored.py).
- Each page's Material config names the handbook's worker instead of Material's lunr worker (`use_worker`).
- The index's pieces go under search/index/ as soon as it is ready, from the same thread (1,100 small files: half
  a second of the build's process on a slow disk); `publish` waits for that after the build.
- Material's search plugin still writes search/search_index.json (every page fetches it for the search config,
  which its highlighter reads): `publish` cuts it down to that config, so no page downloads the whole index.
- Material's plugin no longer indexes pages at all (`skip_material_indexing`): its lunr sections were parsed
  from every page only to be thrown away here.
"""

from __future__ import annotations

import json
import re
import shutil
import threading
from concurrent.futures import Future
from importlib.resources import files as package_files
from pathlib import Path

from mkdocs.exceptions import PluginError

from handbook.build.context import BuildContext
from handbook.search import documents, index, index_process, stored, synonyms

WORKER = "assets/javascripts/workers/handbook-search.js"
INDEX_DIR = "search/index"
MATERIAL_INDEX = "search/search_index.json"
_MATERIAL_WORKER = re.compile(r'("search": ")([^"]*?)assets/javascripts/workers/search\.[0-9a-f]+\.min\.js"')


def skip_material_indexing(config) -> None:
    """Unhook Material's search plugin from `on_page_context`, where it parses each page into lunr sections
    (a second HTML parse of the whole site) for the index `publish` replaces. Its other events stay: it still
    writes search_index.json with the search config, and the theme still shows the search box."""
    plugin = config.plugins.get("material/search")
    if plugin is None:
        raise PluginError("mkdocs.yml: the handbook's search needs Material's search plugin (`- search` under plugins)")
    events = config.plugins.events["page_context"]
    events[:] = [method for method in events if getattr(method, "__self__", None) is not plugin]


def collect(context: BuildContext, page, content: str) -> None:
    """The search documents of a converted page (its content after every hook has changed it)."""
    shown = documents.as_shown(page.title or "", content)
    context.search_docs[page.url] = stored.page_documents(page.url, shown, context.project.cache("search"))


class IndexJob:
    """The index, built in a process of its own and written into the site by a thread of the build.

    A failed build removes its staging folder; `abandon` makes sure the thread writes nothing into it after that
    (it waits for a write under way, and no write starts later)."""

    def __init__(self) -> None:
        self.built: Future[index.Index] = Future()
        self._writing = threading.Lock()
        self._abandoned = False

    def write(self, made: index.Index, target: Path) -> None:
        with self._writing:
            if self._abandoned:
                return
            shutil.rmtree(target, ignore_errors=True)  # pieces of the previous build (mkdocs serve keeps the folder)
            for path, data in made.files.items():
                out = target / path
                out.parent.mkdir(parents=True, exist_ok=True)
                out.write_bytes(data)

    def abandon(self) -> None:
        with self._writing:
            self._abandoned = True


def start_index(context: BuildContext, site_dir: Path) -> IndexJob:
    """Start building the index from every page's documents, in a process of its own (index_process.py), and
    writing its pieces into the site: the build's process goes on writing the pages meanwhile. `publish` waits
    for it."""
    try:
        groups = synonyms.load_groups(context.project.root)  # a broken synonyms file stops the build here, named
    except (OSError, ValueError) as exc:
        raise PluginError(f"search synonyms: {exc}") from None
    docs = [doc for page in context.search_docs.values() for doc in page]
    cache = context.project.cache("search")
    context.search_index = job = IndexJob()

    def build() -> None:
        try:
            made = index_process.build_elsewhere(docs, groups, context.project.root, cache)
            job.write(made, site_dir / INDEX_DIR)
            job.built.set_result(made)
            stored.prune_pages(cache)
        except BaseException as exc:  # noqa: BLE001 - handed to the build's thread by the Future
            job.built.set_exception(exc)

    threading.Thread(target=build, name="search-index", daemon=True).start()
    return job


def use_worker(output: str, where: str) -> str:
    """The page with Material's config naming the handbook's search worker (same relative prefix)."""
    if 'name="search"' not in output:  # no search box (a redirect page)
        return output
    updated, count = _MATERIAL_WORKER.subn(lambda m: f'{m[1]}{m[2]}{WORKER}"', output, count=1)
    if count != 1:
        raise PluginError(
            f"{where}: Material's config names no search worker (assets/javascripts/workers/search.*.min.js): "
            "Material changed; update src/handbook/search/publish.py"
        )
    return updated


def publish(context: BuildContext, site_dir: Path) -> index.Index:
    """Wait for the chunked index to be written, add the worker to the built site; shrink Material's index to its
    config."""
    material_path = site_dir / MATERIAL_INDEX
    try:
        material_index = json.loads(material_path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise PluginError(f"{MATERIAL_INDEX}: Material's search index is missing or unreadable ({exc})") from None
    if context.search_index is None:
        start_index(context, site_dir)
    try:
        built = context.search_index.built.result()
    except index_process.SearchIndexError as exc:
        raise PluginError(f"search index: {exc}") from None
    worker = site_dir / WORKER
    worker.parent.mkdir(parents=True, exist_ok=True)
    worker.write_bytes(package_files("handbook.search").joinpath("worker.js").read_bytes())
    stub = {"config": material_index.get("config", {}), "docs": []}
    material_path.write_text(json.dumps(stub, separators=(",", ":")), encoding="utf-8")
    return built
