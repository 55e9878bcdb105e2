"""Where a build's time goes: every plugin and hook event, Markdown conversion and theme templates, timed.

`make bench` runs `python -m handbook.build.stage_timer --site-dir DIR` for a clean and a warm build; the
table it prints names the stage of the next regression (macros, a hook, the search index, figures, Mermaid).
Work inside a stage (Pygments inside Markdown) and work in another process (Mermaid's Chromium, which renders
while the figures and pages are built) are listed under the table, with how many times it ran: a warm build
should show none of it. The timers wrap MkDocs' own calls for the length of one build and are removed afterwards.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from collections import defaultdict
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path


def _timed(function, totals: dict[str, float], stage: str, counts: dict[str, int] | None = None):
    """`function`, adding the seconds each call takes to `totals[stage]` (and 1 to `counts[stage]`)."""

    def timed(*args, **kwargs):
        started = time.perf_counter()
        try:
            return function(*args, **kwargs)
        finally:
            totals[stage] += time.perf_counter() - started
            if counts is not None:
                counts[stage] += 1

    return timed


def _timed_run_event(totals: dict[str, float]):
    """MkDocs' PluginCollection.run_event, timing each plugin's or hook's method separately."""

    def run_event(self, name, item=None, **kwargs):
        pass_item = item is not None
        for method in self.events[name]:
            self._current_plugin = self._event_origins.get(method, "<unknown>")
            started = time.perf_counter()
            result = method(item, **kwargs) if pass_item else method(**kwargs)
            totals[f"{_label(self._current_plugin)} {name}"] += time.perf_counter() - started
            if result is not None:
                item = result
        self._current_plugin = None
        return item

    return run_event


# What a hook's event does, where its name does not say.
WHAT = {
    "hooks/render_figures.py files": "figures: architecture and charts",
    "hooks/render_mermaid.py files": "Mermaid: diagrams sent to its workers",
    "hooks/render_mermaid.py page_content": "Mermaid: placeholders",
    "hooks/render_mermaid.py post_page": "Mermaid: each page waiting for its diagrams",
    "hooks/render_figures.py post_page": "charts and the gallery (which waits for every diagram)",
    "hooks/search_index.py page_content": "search documents",
    "hooks/search_index.py env": "search index: its process started",
    "hooks/search_index.py post_build": "search index: waiting for its process and its pieces",
    "hooks/content_security_policy.py post_page": "CSP",
    "hooks/build_context.py page_content": "page checks",
    "hooks/study_exports.py nav": "Anki and flashcard decks",
    "macros page_markdown": "macros",
}
# Work inside a stage above: (module, class, method, label).
INNER = [
    ("pymdownx.highlight", "Highlight", "highlight", "Pygments: code blocks highlighted (not from the cache)"),
]

MERMAID = "Mermaid: diagrams drawn in Chromium (a process of its own)"


@contextmanager
def timed_stages(counts: dict[str, int] | None = None) -> Iterator[dict[str, float]]:
    """Seconds spent per stage while the block runs: `<plugin or hook> <event>`, `Markdown`, `templates`, and
    the INNER work (how many calls of each go to `counts`)."""
    import importlib

    from mkdocs.commands import build as build_command
    from mkdocs.plugins import PluginCollection
    from mkdocs.structure.pages import Page

    totals: dict[str, float] = defaultdict(float)
    counts = counts if counts is not None else defaultdict(int)
    patched = [(PluginCollection, "run_event", _timed_run_event(totals))]
    patched += [(Page, "render", "Markdown"), (build_command, "_build_template", "templates")]
    for module, owner, name, label in INNER:
        patched.append((getattr(importlib.import_module(module), owner), name, label))
    originals = [(owner, name, getattr(owner, name)) for owner, name, _ in patched]
    for (owner, name, original), (_, _, how) in zip(originals, patched, strict=True):
        setattr(owner, name, _timed(original, totals, how, counts) if isinstance(how, str) else how)
    try:
        yield totals
    finally:
        for owner, name, original in originals:
            setattr(owner, name, original)


def _label(origin: str) -> str:
    """`hooks/render_mermaid.py` for a hook, the plugin's name (`macros`, `search`) for a plugin."""
    return origin.removeprefix("material/")


def build_with_stages(root: Path, site_dir: Path) -> tuple[float, int, dict[str, float], dict[str, int]]:
    """Build `root` strictly into `site_dir`; return (seconds, pages, seconds per stage, calls per INNER stage)."""
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    os.environ.setdefault("DISABLE_MKDOCS_2_WARNING", "true")
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    from handbook.build.context import context_of

    config = load_config(config_file=str(root / "mkdocs.yml"), strict=True, site_dir=str(site_dir))
    counts: dict[str, int] = defaultdict(int)
    with timed_stages(counts) as stages:
        started = time.perf_counter()
        build(config)
        seconds = time.perf_counter() - started
    drawn = context_of(config).mermaid.drawn  # in the worker process: its own timings
    stages[MERMAID], counts[MERMAID] = sum(drawn), len(drawn)
    pages = sum(1 for _ in site_dir.rglob("index.html"))
    return seconds, pages, dict(stages), dict(counts)


def report(seconds: float, pages: int, stages: dict[str, float], counts: dict[str, int] | None = None) -> str:
    """The table: each stage's seconds and share, largest first; then MkDocs' own work (the rest: reading,
    navigation, page templates, writing files), then the INNER work with its number of calls."""
    inner = {label for *_, label in INNER} | {MERMAID}
    lines = [f"{seconds:6.2f} s for {pages} pages ({seconds / pages:.3f} s a page); where the time went:"]
    outer = {name: spent for name, spent in stages.items() if name not in inner}
    for name, spent in sorted(outer.items(), key=lambda item: item[1], reverse=True):
        if spent >= 0.005:
            what = f" ({WHAT[name]})" if name in WHAT else ""
            lines.append(f"  {spent:6.2f} s  {spent / seconds:4.0%}  {name}{what}")
    rest = seconds - sum(outer.values())  # events do not nest, so the rest is MkDocs' own work
    lines.append(f"  {rest:6.2f} s  {rest / seconds:4.0%}  MkDocs itself (files, nav, page templates, writing)")
    for label in sorted(inner):
        calls = (counts or {}).get(label, 0)
        lines.append(f"  {stages.get(label, 0.0):6.2f} s in {calls:4d} calls  {label}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site-dir", type=Path, required=True)
    parser.add_argument("--root", type=Path, default=Path.cwd())
    args = parser.parse_args(argv)
    seconds, pages, stages, counts = build_with_stages(args.root.resolve(), args.site_dir.resolve())
    print(report(seconds, pages, stages, counts))
    print(f"BENCH seconds={seconds:.3f} pages={pages}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
