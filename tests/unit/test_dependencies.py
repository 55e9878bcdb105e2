"""What the build imports is in the site group: `make serve` works for a reader who never ran `make test`.

Every module the build loads (the package, the hooks, the macros module, the figure scripts and the scripts the
site targets run) is read for its imports; each third-party import must come from a distribution locked in
requirements.txt (the site group). A build-time import whose package sits only in the test group fails here,
before it fails a newcomer. `.ci/run` also runs `make build` on a fresh clone before `make test`.
"""

from __future__ import annotations

import ast
import re
import sys
from importlib.metadata import packages_distributions
from pathlib import Path

from tests.conftest import ROOT

BUILD_CODE = ["src/handbook", "hooks", "macros", "figures"]
SITE_SCRIPTS = ["build.py", "build_pdf.py", "build_anki.py", "new.py", "check_data.py", "export_schemas.py"]


def locked(requirements: Path) -> set[str]:
    names = re.findall(r"^([A-Za-z0-9][A-Za-z0-9._-]*)==", requirements.read_text(encoding="utf-8"), re.M)
    return {_normal(name) for name in names}


def _normal(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def imports(path: Path) -> list[tuple[str, int]]:
    """Top-level names of the absolute imports in a file, with their lines (imports inside functions too)."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
        if isinstance(node, ast.Import):
            found += [(alias.name.split(".")[0], node.lineno) for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            found.append((node.module.split(".")[0], node.lineno))
    return found


def outside_the_site_group(files: list[Path], site: set[str]) -> list[str]:
    """`file:line: import x` for each third-party import no distribution of the site group provides."""
    providers = packages_distributions()
    problems = []
    for path in files:
        for name, line in imports(path):
            if name in sys.stdlib_module_names or name in ("handbook", "__future__"):
                continue
            distributions = {_normal(d) for d in providers.get(name, [])}
            if not distributions & site:
                where = path.relative_to(ROOT) if path.is_relative_to(ROOT) else path
                problems.append(
                    f"{where}:{line}: import {name} ({', '.join(sorted(distributions)) or 'not installed'})"
                )
    return problems


def build_files() -> list[Path]:
    files = [p for folder in BUILD_CODE for p in sorted((ROOT / folder).rglob("*.py"))]
    return files + [ROOT / "scripts" / name for name in SITE_SCRIPTS]


def test_every_import_of_the_build_is_in_the_site_group():
    files = build_files()
    assert len(files) > 40 and ROOT / "hooks" / "build_context.py" in files
    assert outside_the_site_group(files, locked(ROOT / "requirements.txt")) == []


def test_an_import_only_the_test_group_provides_is_caught(tmp_path):
    """The check can fail: genanki, psycopg and hypothesis are installed here, but a lock without them must fail."""
    hook = tmp_path / "deck_hook.py"
    hook.write_text("import genanki\nfrom psycopg import sql\n\ndef f():\n    import hypothesis\n", encoding="utf-8")
    site = locked(ROOT / "requirements.txt") - {"genanki"}
    assert outside_the_site_group([hook], site) == [
        f"{hook}:1: import genanki (genanki)",
        f"{hook}:2: import psycopg (psycopg)",
        f"{hook}:5: import hypothesis (hypothesis)",
    ]


def test_the_test_lock_holds_the_site_lock_at_the_same_versions():
    pins = re.compile(r"^([A-Za-z0-9][A-Za-z0-9._-]*==\S+)", re.M)
    site = set(pins.findall((ROOT / "requirements.txt").read_text(encoding="utf-8")))
    test = set(pins.findall((ROOT / "requirements-test.txt").read_text(encoding="utf-8")))
    assert site <= test
    assert all(
        "--hash=sha256:" in (ROOT / name).read_text(encoding="utf-8")
        for name in ("requirements.txt", "requirements-test.txt")
    )
