"""Build the site with --strict into a temporary folder and publish it to `site/` only when the build succeeds.

Usage: python scripts/build.py [--site-dir DIR] [--site-url URL]. On failure prints one line per problem, no traceback, and
leaves the previous `site/` untouched, so nothing half-built is ever served or deployed.
"""

from __future__ import annotations

import argparse
import logging
import os
import re
import shutil
import sys
import time
from pathlib import Path


class _Collect(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


# What to do about the problems MkDocs and its extensions report in their own words.
_HINTS = [
    ('not included in the "nav" configuration', "add the page under `nav:` in mkdocs.yml"),
    ("but the target", "fix the link or create the page it points to"),
    ("does not contain an anchor", "link to the id of an existing heading"),
    ("Snippet at path", "create the file under examples/ or fix the path after --8<--"),
    ("is undefined", "call an existing macro, or wrap a literal {{ … }} in {% raw %} … {% endraw %}"),
    ("unexpected", "check the {{ … }} or {% … %} syntax on that line"),
]


def _page_line(root: Path, page: str, template_line: int) -> str:
    """Map a line of the Jinja template (the page without its front matter) back to the file."""
    from mkdocs.utils.meta import get_data

    path = root / "docs" / page
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return f"docs/{page}"
    body, _ = get_data(text)
    return f"docs/{page}:{text.count(chr(10)) - body.count(chr(10)) + template_line}"


def _clean(message: str, root: Path) -> str:
    """Keep what went wrong and where, add what to do; drop tracebacks and the macros plugin's decoration."""
    lines = [line.strip() for line in message.splitlines() if line.strip() and line.strip() != "```"]
    if any(line.startswith("Traceback (most recent call last)") for line in lines):
        page = next((re.sub(r"^_File_: `(.*)`$", r"\1", line) for line in lines if line.startswith("_File_:")), None)
        template = [int(m.group(1)) for line in lines if (m := re.match(r'File "<template>", line (\d+)', line))]
        lines = [line for line in lines if not line.startswith(("_", "#", "Traceback", "File ", "^", "raise "))]
        last = lines[-1] if lines else message
        head, _, rest = last.partition(": ")
        text = rest if rest and head.endswith(("Error", "Exception", "Undefined")) else last
        if page and not text.startswith("docs/"):
            where = _page_line(root, page, template[-1]) if template else f"docs/{page}"
            text = f"{where}: {text}"
    else:
        text = "\n  ".join(lines)
    hint = next((hint for pattern, hint in _HINTS if pattern in text), None)
    return f"{text}: {hint}" if hint and hint not in text else text


def build(site_dir: Path, site_url: str | None = None, root: Path | None = None) -> int:
    """Build the project at `root` (default: the current folder, like mkdocs) into `site_dir`; 0 on success."""
    root = (root or Path.cwd()).resolve()
    started = time.monotonic()
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    os.environ.setdefault("DISABLE_MKDOCS_2_WARNING", "true")
    from mkdocs.commands.build import build as mkdocs_build
    from mkdocs.config import load_config

    staging = site_dir.with_name(f".{site_dir.name}.building")
    shutil.rmtree(staging, ignore_errors=True)
    collect = _Collect()
    logging.getLogger("mkdocs").addHandler(collect)
    logging.getLogger("mkdocs").setLevel(logging.INFO)
    try:
        overrides = {"site_url": site_url} if site_url else {}
        config = load_config(config_file=str(root / "mkdocs.yml"), strict=True, site_dir=str(staging), **overrides)
        mkdocs_build(config)
    except BaseException as exc:  # noqa: BLE001 - every failure becomes a message, never a traceback
        shutil.rmtree(staging, ignore_errors=True)
        print(_failure(collect.messages, exc, root), file=sys.stderr)
        return 1
    old = site_dir.with_name(f".{site_dir.name}.old")
    shutil.rmtree(old, ignore_errors=True)
    if site_dir.exists():
        site_dir.rename(old)
    staging.rename(site_dir)
    shutil.rmtree(old, ignore_errors=True)
    print(_summary(config, site_dir, time.monotonic() - started))
    return 0


def _failure(messages: list[str], exc: BaseException, root: Path) -> str:
    """The problems of a failed build, one line each, without MkDocs' repeats and without a traceback."""
    problems = [_clean(m, root) for m in messages]
    # mkdocs-macros exits with status 100 after logging the error; the log already holds the message.
    final = "" if isinstance(exc, SystemExit) else (_clean(str(exc), root) or type(exc).__name__)
    if final and not (problems and final.startswith("Aborted with")):
        problems.append(final)
    seen: list[str] = []
    for problem in problems:  # MkDocs often logs a message and raises it again
        if not any(problem.split(": ", 1)[0] in earlier and problem.rsplit(": ", 1)[0] in earlier for earlier in seen):
            seen.append(problem)
    return "\n".join(["The build failed; nothing was published:", *(f"  {p}" for p in seen)])


def _summary(config, site_dir: Path, seconds: float) -> str:
    """What a successful build made, in one line, so `make build` says more than nothing."""
    from handbook.build.context import context_of

    context = context_of(config)
    data = context.data
    return (
        f"Built {len(context.placements.pages)} pages with {len(data.quizzes)} quizzes ({data.question_count} "
        f"questions), {len(data.checklists)} checklists and {len(context.figures)} figure scripts into "
        f"{site_dir} in {seconds:.1f} s"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site-dir", type=Path, default=Path("site"))
    parser.add_argument("--site-url", help="where the site will be served (default: site_url in mkdocs.yml)")
    args = parser.parse_args()
    return build(args.site_dir.resolve(), args.site_url)


if __name__ == "__main__":
    sys.exit(main())
