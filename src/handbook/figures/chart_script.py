"""Run one `figures/charts/<name>.py` script in its own process and write its inline SVG and metadata.

Usage: python -m handbook.figures.chart_script SCRIPT OUT_SVG OUT_JSON DISPLAY ROOT. Exit 1 prints one line:
`DISPLAY:LINE: error: what to do`. Run in a process of its own (the build forks one from
handbook.figures.fork_server, which imported matplotlib once): pyplot keeps module-level state, and the examples
a chart loads run their checks at import.

The metadata lists every project file the script read (examples, data files, the package's modules): the
renderer keys its cache on their contents, so editing an example's numbers re-renders the charts drawn from it.
"""

from __future__ import annotations

import io
import json
import os
import runpy
import sys
import traceback
from pathlib import Path

import handbook
from handbook.charts import theme
from handbook.charts.sources import ROOT_VARIABLE, ExampleFailed
from handbook.figures.chart_svg import ChartStyleError, inline_svg

PACKAGE_PREFIX = "handbook/"  # an input inside this package, not the project: see handbook.figures.charts


class ChartScriptError(Exception):
    pass


def _inputs(root: Path, opened: set[str]) -> list[str]:
    """What this process read that can change a chart: files under `root` (examples, data) as paths relative
    to it, and modules of this package as `handbook/...`, wherever it is installed (so copies of a project
    share one cache)."""
    paths = {Path(p) for p in opened}
    paths |= {Path(m.__file__) for m in list(sys.modules.values()) if getattr(m, "__file__", None)}
    package = Path(handbook.__file__).resolve().parent
    skip = [Path(p).resolve() for p in {sys.prefix, sys.base_prefix, sys.exec_prefix}]
    found = set()
    for path in paths:
        if path.suffix == ".pyc" and path.parent.name == "__pycache__":
            path = path.parent.parent / f"{path.name.split('.')[0]}.py"  # a cached module stands for its source
        path = path.resolve()
        if not path.is_file():
            continue
        if path.is_relative_to(package):
            found.add(f"{PACKAGE_PREFIX}{path.relative_to(package).as_posix()}")
            continue
        if not path.is_relative_to(root) or any(path.is_relative_to(s) for s in skip):
            continue
        relative = path.relative_to(root)
        if any(part.startswith(".") or part == "node_modules" for part in relative.parts):
            continue  # .venv, .cache, .git: tools and caches, not the chart's inputs
        found.add(relative.as_posix())
    return sorted(found)


def _script_line(script: Path, exc: BaseException) -> str:
    frames = [f for f in traceback.extract_tb(exc.__traceback__) if Path(f.filename).resolve() == script.resolve()]
    return f":{frames[-1].lineno}" if frames else ""


def preload() -> None:
    """What every chart imports, for handbook.figures.fork_server to import once for all of them."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.backends.backend_svg  # noqa: F401 - savefig's, imported on first use
    import matplotlib.pyplot  # noqa: F401


def run(script: Path, out_svg: Path, out_json: Path, root: Path) -> None:
    opened: set[str] = set()

    def audit(event: str, args: tuple) -> None:
        if event == "open" and isinstance(args[0], str | Path):
            opened.add(os.fspath(args[0]))

    sys.addaudithook(audit)
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    plt.rcParams.update(theme.rc_params())
    name = script.stem
    plt.rcParams["svg.hashsalt"] = name  # ids from a fixed salt, not a random one: same input, same bytes
    namespace = runpy.run_path(str(script), run_name="__chart__")
    title, alt = namespace.get("TITLE"), namespace.get("ALT")
    for key, value in (("TITLE", title), ("ALT", alt)):
        if not isinstance(value, str) or not value.strip():
            raise ChartScriptError(f'set {key} = "..." at the top of the script ({key} is missing or empty)')
    figures = plt.get_fignums()
    if len(figures) != 1:
        raise ChartScriptError(f"draws {len(figures)} figures: draw exactly one, with `fig, ax = theme.figure()`")
    buffer = io.StringIO()
    plt.figure(figures[0]).savefig(buffer, format="svg", metadata={"Date": None, "Creator": None})
    svg, width, height = inline_svg(buffer.getvalue(), name, alt.strip())
    out_svg.write_text(svg, encoding="utf-8")
    meta = {
        "title": title.strip(),
        "alt": alt.strip(),
        "caption": str(namespace.get("CAPTION", title)).strip(),
        "width": width,
        "height": height,
        "reads": [path for path in _inputs(root, opened) if (root / path).resolve() != script.resolve()],
    }
    out_json.write_text(json.dumps(meta, indent=1, sort_keys=True), encoding="utf-8")


def main(argv: list[str]) -> int:
    script, out_svg, out_json = (Path(a) for a in argv[1:4])
    display, root = argv[4], Path(argv[5]).resolve()
    os.environ[ROOT_VARIABLE] = str(root)
    try:
        run(script, out_svg, out_json, root)
    except (ChartScriptError, ChartStyleError, ExampleFailed) as exc:
        print(f"{display}{_script_line(script, exc)}: {exc}", file=sys.stderr)
        return 1
    except SyntaxError as exc:
        print(f"{display}:{exc.lineno}: SyntaxError: {exc.msg}: fix the script", file=sys.stderr)
        return 1
    except Exception as exc:  # noqa: BLE001 - any error in a contributor's script is reported, not raised
        print(
            f"{display}{_script_line(script, exc)}: {type(exc).__name__}: {exc}: fix the script "
            f"(`python {display}` shows the traceback)",
            file=sys.stderr,
        )
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
