"""No function of the handbook package is longer than MAX_LINES: a longer one does several jobs, and each job
deserves a name. The allow-list holds the functions still to split; it only shrinks."""

from __future__ import annotations

import ast
from pathlib import Path

import handbook

MAX_LINES = 40
PACKAGE = Path(handbook.__file__).resolve().parent
# "module/path.py:function" -> why it is still allowed. Empty it, do not add to it.
ALLOWED = {}


def function_lengths(source: str) -> dict[str, int]:
    """Each function's (and method's, and nested function's) name -> its lines, decorators aside."""
    lengths: dict[str, int] = {}
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            lengths[node.name] = max(lengths.get(node.name, 0), node.end_lineno - node.lineno + 1)
    return lengths


def package_function_lengths() -> dict[str, int]:
    found = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        module = path.relative_to(PACKAGE).as_posix()
        for name, lines in function_lengths(path.read_text(encoding="utf-8")).items():
            found[f"{module}:{name}"] = lines
    return found


def test_the_measure_counts_every_line_of_a_function_and_of_a_nested_one():
    source = "def outer():\n    def inner():\n        return 1\n\n    return inner\n\n\nasync def other():\n    pass\n"
    assert function_lengths(source) == {"outer": 5, "inner": 2, "other": 2}


def test_no_function_is_longer_than_40_lines():
    too_long = {
        name: lines for name, lines in package_function_lengths().items() if lines > MAX_LINES and name not in ALLOWED
    }
    assert not too_long, (
        f"functions over {MAX_LINES} lines: "
        + ", ".join(f"src/handbook/{name} ({lines})" for name, lines in sorted(too_long.items()))
        + ": split each into functions that do one job each"
    )


def test_the_allow_list_names_only_functions_still_too_long():
    lengths = package_function_lengths()
    fixed = [name for name in ALLOWED if lengths.get(name, 0) <= MAX_LINES]
    assert not fixed, f"no longer over {MAX_LINES} lines (or gone): remove {fixed} from ALLOWED"
