"""Run simulator logic modules (docs/assets/javascripts/simulators/<id>/logic.js) under Node, and load the Python
reference implementations from examples/python, for the parity tests."""

from __future__ import annotations

import importlib.util
import json
import subprocess
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parents[2]
SIMULATORS = ROOT / "docs" / "assets" / "javascripts" / "simulators"
RUNNER = Path(__file__).with_name("run_logic.mjs")


def simulate_in_node(
    sim_id: str, scenarios: list[dict], cursor: int | None = None, data: dict | None = None
) -> list[dict]:
    """`simulate(params, data)` of the simulator's logic module for each scenario, in one Node process; with a
    cursor, each result also has `summary`, the numbers the page shows after that many steps."""
    module = (SIMULATORS / sim_id / "logic.js").relative_to(ROOT).as_posix()
    extra = {} if cursor is None else {"cursor": cursor}
    if data is not None:
        extra["data"] = data
    request = json.dumps([{"module": module, "params": params, **extra} for params in scenarios])
    done = subprocess.run(
        ["node", str(RUNNER)], input=request, capture_output=True, text=True, cwd=ROOT, check=False, timeout=60
    )
    assert done.returncode == 0, f"{module} failed under Node:\n{done.stderr[-3000:]}"
    return json.loads(done.stdout)


def python_reference(name: str) -> ModuleType:
    """examples/python/<name>.py as a module (its own asserts run once, on import)."""
    path = ROOT / "examples" / "python" / f"{name}.py"
    spec = importlib.util.spec_from_file_location(f"reference_{name}", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module
