"""The search in every build (hooks/search_index.py): Material's search box and result list, with the
handbook's worker and index behind them.

- Each page's sections, quiz questions, checklist items and figures are collected as it is written (`collect`).
- Each page's Material config names the handbook's worker instead of Material's lunr worker (`use_worker`).
- After the build, the collected pages, sections and practice material become the chunked index under
  search/index/ (read from the build cache when nothing it is made from changed: stored.py). Material's search
  plugin still writes search/search_index.json (every page fetches it for the search config, which its
  highlighter reads): it is cut down to that config, so no page downloads the whole index any more.
- Material's plugin no longer indexes pages at all (`skip_material_indexing`): its lunr sections were parsed
  from every page only to be thrown away here.
"""

from __future__ import annotations

import json
import re
import shutil
from importlib.resources import files as package_files
from pathlib import Path

from mkdocs.exceptions import PluginError

from handbook.build.context import BuildContext
from handbook.search import index, stored, synonyms

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


def collect(context: BuildContext, page_url: str, output: str) -> None:
    context.search_docs[page_url] = stored.page_documents(page_url, output, context.project.cache("search"))


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
    """Write the chunked index and the worker into the built site; shrink Material's index to its config."""
    material_path = site_dir / MATERIAL_INDEX
    try:
        material_index = json.loads(material_path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise PluginError(f"{MATERIAL_INDEX}: Material's search index is missing or unreadable ({exc})") from None
    try:
        groups = synonyms.load_groups(context.project.root)
    except (OSError, ValueError) as exc:
        raise PluginError(f"search synonyms: {exc}") from None
    docs = [doc for page in context.search_docs.values() for doc in page]
    built = stored.build(docs, groups, context.project.cache("search"))
    stored.prune_pages(context.project.cache("search"))
    target = site_dir / INDEX_DIR
    shutil.rmtree(target, ignore_errors=True)  # pieces of the previous build (mkdocs serve keeps the folder)
    for path, data in built.files.items():
        out = target / path
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_bytes(data)
    worker = site_dir / WORKER
    worker.parent.mkdir(parents=True, exist_ok=True)
    worker.write_bytes(package_files("handbook.search").joinpath("worker.js").read_bytes())
    stub = {"config": material_index.get("config", {}), "docs": []}
    material_path.write_text(json.dumps(stub, separators=(",", ":")), encoding="utf-8")
    return built
