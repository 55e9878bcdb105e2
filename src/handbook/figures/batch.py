"""Render figure scripts in parallel and report every failing one at once: shared by architecture figures and charts."""

from __future__ import annotations

import os
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from handbook.errors import FigureError


def render_each(scripts: list[Path], render: Callable[[Path], object], jobs: int | None = None) -> list:
    """`render(script)` for every script, in parallel; raise one FigureError with every script that failed."""
    with ThreadPoolExecutor(max_workers=jobs or os.cpu_count() or 2) as pool:
        futures = [pool.submit(render, script) for script in scripts]
    done, errors = [], []
    for future in futures:
        try:
            done.append(future.result())
        except FigureError as exc:
            errors.append(str(exc))
    if errors:
        raise FigureError(errors)
    return done
