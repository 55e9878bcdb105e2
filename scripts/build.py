"""Build the site with --strict into a temporary folder and publish it to `site/` only when the build succeeds.

Usage: python scripts/build.py [--site-dir DIR]. On failure prints one line per problem, no traceback, and
leaves the previous `site/` untouched, so nothing half-built is ever served or deployed.
"""

from __future__ import annotations

import argparse
import logging
import os
import shutil
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


class _Collect(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


def _clean(message: str) -> str:
    """Keep what went wrong and where; drop tracebacks and the macros plugin's Markdown decoration."""
    lines = [line.strip() for line in message.splitlines() if line.strip() and line.strip() != "```"]
    if any(line.startswith("Traceback (most recent call last)") for line in lines):
        lines = [line for line in lines if not line.startswith(("_", "#", "Traceback", "File ", "^", "raise "))]
        last = lines[-1] if lines else message
        return last.split(": ", 1)[1] if last.split(": ", 1)[0].endswith(("Error", "Exception")) else last
    return " ".join(lines)


def build(site_dir: Path, site_url: str | None = None) -> int:
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    from mkdocs.commands.build import build as mkdocs_build
    from mkdocs.config import load_config

    staging = site_dir.with_name(f".{site_dir.name}.building")
    shutil.rmtree(staging, ignore_errors=True)
    collect = _Collect()
    logging.getLogger("mkdocs").addHandler(collect)
    logging.getLogger("mkdocs").setLevel(logging.INFO)
    try:
        overrides = {"site_url": site_url} if site_url else {}
        config = load_config(config_file=str(ROOT / "mkdocs.yml"), strict=True, site_dir=str(staging), **overrides)
        mkdocs_build(config)
    except BaseException as exc:  # noqa: BLE001 - every failure becomes a message, never a traceback
        shutil.rmtree(staging, ignore_errors=True)
        problems = [_clean(m) for m in collect.messages]
        # mkdocs-macros exits with status 100 after logging the error; the log already holds the message.
        final = "" if isinstance(exc, SystemExit) else (_clean(str(exc)) or type(exc).__name__)
        if final and not (problems and final.startswith("Aborted with")):
            problems.append(final)
        seen = []
        for problem in problems:
            if problem not in seen:
                seen.append(problem)
        print("The build failed; nothing was published:", *(f"  {p}" for p in seen), sep="\n", file=sys.stderr)
        return 1
    old = site_dir.with_name(f".{site_dir.name}.old")
    shutil.rmtree(old, ignore_errors=True)
    if site_dir.exists():
        site_dir.rename(old)
    staging.rename(site_dir)
    shutil.rmtree(old, ignore_errors=True)
    return 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site-dir", type=Path, default=ROOT / "site")
    parser.add_argument("--site-url", help="where the site will be served (default: site_url in mkdocs.yml)")
    args = parser.parse_args()
    return build(args.site_dir.resolve(), args.site_url)


if __name__ == "__main__":
    sys.exit(main())
