"""The architecture page's module list: every module of the handbook package with the first line of its docstring.

Read from the package itself when the page renders, so the list cannot drift from the code.
"""

from __future__ import annotations

import ast
from pathlib import Path

__all__ = ["module_map"]

PACKAGE = Path(__file__).resolve().parents[2]  # src/handbook


def first_line(path: Path) -> str:
    docstring = ast.get_docstring(ast.parse(path.read_text(encoding="utf-8"))) or ""
    return docstring.strip().splitlines()[0] if docstring.strip() else ""


def module_map(*, context=None) -> str:
    """A Markdown table: module path, what it owns (its docstring's first line). Every module must have one."""
    rows = ["| Module | What it owns |", "| --- | --- |"]
    missing = []
    for path in sorted(PACKAGE.rglob("*.py")):
        name = path.relative_to(PACKAGE.parent).with_suffix("").as_posix().removesuffix("/__init__")
        line = first_line(path)
        if not line:
            missing.append(f"src/{path.relative_to(PACKAGE.parent).as_posix()}")
            continue
        rows.append(f"| `{name.replace('/', '.')}` | {line.replace('|', '&#124;')} |")
    if missing:
        raise ValueError(f"modules without a docstring: {', '.join(missing)}: say in one line what each owns")
    return "\n".join(rows)
