"""Data that some simulators replay, computed at build time from the handbook's tested sources and embedded in
the page as JSON (the simulators' logic modules stay pure functions of their parameters and this data)."""

from __future__ import annotations

from collections.abc import Callable

from handbook.project import Project
from handbook.simulators import isolation_levels

# Simulator id -> a function of the project returning its data (JSON-able); simulators not listed need none.
PROVIDERS: dict[str, Callable[[Project], dict]] = {"isolation-levels": isolation_levels.matrix}
