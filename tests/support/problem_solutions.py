"""Load a coding problem's reference solution (examples/python/problems/<name>.py) as a module for its tests.

The examples folder is not a package, so each file is loaded from its path (no sys.path edits); the module is
registered under a private name so that dataclasses and pickling can find it.
"""

from __future__ import annotations

import importlib.util
import sys
from functools import cache
from types import ModuleType

from tests.conftest import ROOT

SOLUTIONS = ROOT / "examples" / "python" / "problems"


@cache
def solution(name: str) -> ModuleType:
    path = SOLUTIONS / f"{name}.py"
    module_name = f"_problem_solution_{name}"
    spec = importlib.util.spec_from_file_location(module_name, path)
    module = importlib.util.module_from_spec(spec)
    sys.modules[module_name] = module
    spec.loader.exec_module(module)
    return module


SEEDS = range(200)


def each_seed(check):
    """One test that runs `check(seed)` for 200 seeds (fast: no per-seed test overhead); a failure names its seed."""

    def test():
        for seed in SEEDS:
            try:
                check(seed)
            except AssertionError as exc:
                raise AssertionError(f"seed {seed}: {exc}") from exc

    test.__name__ = check.__name__
    test.__doc__ = check.__doc__
    return test
