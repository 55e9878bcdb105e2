"""Where a build's time goes: every plugin and hook event, Markdown conversion and theme templates, timed.

`make bench` runs `python -m handbook.build.stage_timer --site-dir DIR` for a clean and a warm build; the
table it prints names the stage of the next regression (macros, a hook, the search index, figures, Mermaid).
The timers wrap MkDocs' own calls for the length of one build and are removed afterwards.
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


def _timed(function, totals: dict[str, float], stage: str):
    """`function`, adding the seconds each call takes to `totals[stage]`."""

    def timed(*args, **kwargs):
        started = time.perf_counter()
        try:
            return function(*args, **kwargs)
        finally:
            totals[stage] += time.perf_counter() - started

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


@contextmanager
def timed_stages() -> Iterator[dict[str, float]]:
    """Seconds spent per stage while the block runs: `<plugin or hook> <event>`, `Markdown`, `templates`."""
    from mkdocs.commands import build as build_command
    from mkdocs.plugins import PluginCollection
    from mkdocs.structure.pages import Page

    totals: dict[str, float] = defaultdict(float)
    originals = PluginCollection.run_event, Page.render, build_command._build_template
    PluginCollection.run_event = _timed_run_event(totals)
    Page.render = _timed(originals[1], totals, "Markdown")
    build_command._build_template = _timed(originals[2], totals, "templates")
    try:
        yield totals
    finally:
        PluginCollection.run_event, Page.render, build_command._build_template = originals


def _label(origin: str) -> str:
    """`hooks/render_mermaid.py` for a hook, the plugin's name (`macros`, `search`) for a plugin."""
    return origin.removeprefix("material/")


def build_with_stages(root: Path, site_dir: Path) -> tuple[float, int, dict[str, float]]:
    """Build `root` strictly into `site_dir`; return (seconds, pages, seconds per stage)."""
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    os.environ.setdefault("DISABLE_MKDOCS_2_WARNING", "true")
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    config = load_config(config_file=str(root / "mkdocs.yml"), strict=True, site_dir=str(site_dir))
    with timed_stages() as stages:
        started = time.perf_counter()
        build(config)
        seconds = time.perf_counter() - started
    pages = sum(1 for _ in site_dir.rglob("index.html"))
    return seconds, pages, dict(stages)


def report(seconds: float, pages: int, stages: dict[str, float], top: int = 14) -> str:
    lines = [f"{seconds:6.2f} s for {pages} pages ({seconds / pages:.3f} s a page); where the time went:"]
    for name, spent in sorted(stages.items(), key=lambda item: item[1], reverse=True)[:top]:
        if spent >= 0.01:
            lines.append(f"  {spent:6.2f} s  {spent / seconds:4.0%}  {name}")
    # Events nest (the build's own work runs between them), so the rest is MkDocs reading and writing files.
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site-dir", type=Path, required=True)
    parser.add_argument("--root", type=Path, default=Path.cwd())
    args = parser.parse_args(argv)
    seconds, pages, stages = build_with_stages(args.root.resolve(), args.site_dir.resolve())
    print(report(seconds, pages, stages))
    print(f"BENCH seconds={seconds:.3f} pages={pages}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
