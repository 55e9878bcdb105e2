"""The handbook's own numbers, for chart scripts: the tested examples and the data files, loaded by path.

A chart imports the example it illustrates instead of copying its numbers, so when the example changes, the
chart changes with it (the renderer records every project file a chart reads and re-renders when one changes).
Loading an example runs it, asserts included: a chart is only drawn from an example whose own checks pass.
"""

from __future__ import annotations

import contextlib
import importlib.util
import io
import os
import sys
import traceback
from functools import cache
from pathlib import Path
from types import ModuleType

from handbook.project import Project, repository

ROOT_VARIABLE = "HANDBOOK_PROJECT_ROOT"  # set by the chart renderer for the script's process


class ExampleFailed(Exception):
    """An example a chart draws from does not run; the message names the example's file and line."""


def project() -> Project:
    """The project being built: the renderer names it; a script run by hand uses this checkout."""
    root = os.environ.get(ROOT_VARIABLE)
    return Project(Path(root)) if root else repository()


@cache
def example(name: str) -> ModuleType:
    """`examples/python/<name>.py` as a module, after it ran and its checks passed (`example("percentiles")`)."""
    here = project()
    path = here.root / "examples" / "python" / f"{name}.py"
    display = here.display(path)
    if not path.is_file():
        raise ExampleFailed(f"{display} does not exist: name an example under examples/python/")
    spec = importlib.util.spec_from_file_location(f"handbook_example_{name}", path)
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses and pickling look the module up by name while it runs
    try:
        with contextlib.redirect_stdout(io.StringIO()):  # the example's "all checks passed" line
            spec.loader.exec_module(module)
    except Exception as exc:  # noqa: BLE001 - whatever breaks in the example is reported with its line
        del sys.modules[spec.name]
        frames = [f for f in traceback.extract_tb(exc.__traceback__) if Path(f.filename) == path]
        line = f":{frames[-1].lineno}" if frames else ""
        error = f"{type(exc).__name__}: {exc}" if str(exc) else type(exc).__name__
        raise ExampleFailed(
            f"{display}{line}: {error}: the example must run on its own first (python {display})"
        ) from None
    return module


def latency_numbers():
    """`data/latency-numbers.yml`, validated by the same model the latency table uses."""
    from handbook.content.loading import load_file
    from handbook.content.models import LatencyNumbers

    here = project()
    path = here.data / "latency-numbers.yml"
    return load_file(path, LatencyNumbers, here.display(path)).model
