"""Computed tables: every module here lists its macros in `__all__`; `define_env` registers them all.

A new table is a new module (for example `latency.py` with `__all__ = ["latency_table"]`), so adding one
never touches another file.
"""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Callable, Iterator


def table_macros() -> Iterator[Callable]:
    for info in sorted(pkgutil.iter_modules(__path__), key=lambda i: i.name):
        module = importlib.import_module(f"{__name__}.{info.name}")
        for name in getattr(module, "__all__", []):
            yield getattr(module, name)
