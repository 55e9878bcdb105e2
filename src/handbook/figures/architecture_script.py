"""Run one `figures/<name>.py` script in its own process and write a self-contained SVG.

Usage: python figure_runner.py SCRIPT OUT_SVG OUT_JSON. Exit 1 prints one line: `SCRIPT:LINE: what went wrong`.
Run as a file in its own process: each script draws with module-level state of the `diagrams` package.
"""

from __future__ import annotations

import base64
import io
import itertools
import json
import re
import runpy
import sys
import traceback
from pathlib import Path

FONT = "DejaVu Sans"  # installed with Graphviz by the Makefile; fixed so output does not depend on fontconfig
_IMAGE = re.compile(
    r'<image xlink:href="([^"]+)" width="([\d.]+)px" height="([\d.]+)px" '
    r'preserveAspectRatio="xMinYMin meet" x="([-\d.]+)" y="([-\d.]+)"/>'
)


class FigureScriptError(Exception):
    pass


ICON_PIXELS = 160  # icons are drawn about 135 CSS px wide; the package ships them at 256 px and more


def shrink_icon(data: bytes) -> tuple[bytes, int, int]:
    """Scale an icon down and store it as a 128-colour palette PNG: about a sixth of the bytes, same look."""
    from PIL import Image

    image = Image.open(io.BytesIO(data)).convert("RGBA")
    image.thumbnail((ICON_PIXELS, ICON_PIXELS), Image.Resampling.LANCZOS)
    out = io.BytesIO()
    image.quantize(colors=128, method=Image.Quantize.FASTOCTREE).save(out, "PNG", optimize=True)
    return out.getvalue(), image.width, image.height


def embed_icons(svg: str) -> str:
    """Replace icon file paths with one embedded symbol per distinct icon, reused by `<use>`."""
    symbols: dict[str, str] = {}
    defs = []

    def replace(match: re.Match) -> str:
        path, width, height, x, y = match.groups()
        if path not in symbols:
            data, w, h = shrink_icon(Path(path).read_bytes())
            symbol_id = f"icon-{len(symbols) + 1}"
            symbols[path] = symbol_id
            encoded = base64.b64encode(data).decode("ascii")
            defs.append(
                f'<symbol id="{symbol_id}" viewBox="0 0 {w} {h}" preserveAspectRatio="xMinYMin meet">'
                f'<image width="{w}" height="{h}" xlink:href="data:image/png;base64,{encoded}"/></symbol>'
            )
        return f'<use xlink:href="#{symbols[path]}" x="{x}" y="{y}" width="{width}" height="{height}"/>'

    svg = _IMAGE.sub(replace, svg)
    if "<image " in svg.replace("<image width=", ""):
        raise FigureScriptError("an icon was left as a file reference: the SVG format of Graphviz changed")
    if defs:
        svg = re.sub(r"(<svg\b[^>]*>)", lambda m: m.group(1) + "\n<defs>" + "".join(defs) + "</defs>", svg, count=1)
    return svg


def _patch_diagrams(out_stem: str, rendered: list) -> None:
    import diagrams

    ids = itertools.count(1)
    diagrams.Node._rand_id = staticmethod(lambda: f"node{next(ids)}")  # uuid4 by default: output differs each run
    original_init = diagrams.Diagram.__init__

    def init(
        self,
        name="",
        filename="",
        direction="LR",
        curvestyle="curved",
        outformat="svg",
        autolabel=False,
        show=False,
        strict=False,
        graph_attr=None,
        node_attr=None,
        edge_attr=None,
    ):
        # The page shows the title as a caption, so the drawing carries no second copy of it.
        graph_attr = {"pad": "0.3", "fontname": FONT, "label": "", **(graph_attr or {})}
        node_attr = {"fontname": FONT, **(node_attr or {})}
        edge_attr = {"fontname": FONT, "fontsize": "12", **(edge_attr or {})}
        original_init(
            self,
            name,
            out_stem,
            direction,
            curvestyle,
            "svg",
            autolabel,
            False,
            strict,
            graph_attr,
            node_attr,
            edge_attr,
        )
        rendered.append(self)

    diagrams.Diagram.__init__ = init
    for cls in (diagrams.Cluster,):
        cls._default_graph_attrs = {**cls._default_graph_attrs, "fontname": FONT}


def _script_line(script: Path, exc: BaseException) -> str:
    frames = [f for f in traceback.extract_tb(exc.__traceback__) if Path(f.filename).resolve() == script.resolve()]
    return f":{frames[-1].lineno}" if frames else ""


def run(script: Path, out_svg: Path, out_json: Path) -> None:
    rendered: list = []
    out_stem = str(out_svg.with_suffix(""))
    _patch_diagrams(out_stem, rendered)
    namespace = runpy.run_path(str(script), run_name="__figure__")
    title, alt = namespace.get("TITLE"), namespace.get("ALT")
    for key, value in (("TITLE", title), ("ALT", alt)):
        if not isinstance(value, str) or not value.strip():
            raise FigureScriptError(f'set {key} = "..." at the top of the script ({key} is missing or empty)')
    if len(rendered) != 1 or not out_svg.exists():
        raise FigureScriptError(f"draws {len(rendered)} diagrams: draw exactly one, inside `with Diagram(TITLE):`")
    svg = out_svg.read_text(encoding="utf-8")
    if 'class="node"' not in svg:
        raise FigureScriptError("the diagram has no nodes: add nodes inside `with Diagram(TITLE):`")
    svg = embed_icons(svg)
    size = re.search(r'<svg width="(\d+)pt" height="(\d+)pt"', svg)
    out_svg.write_text(svg, encoding="utf-8")
    caption = namespace.get("CAPTION", title)
    meta = {
        "title": title.strip(),
        "alt": alt.strip(),
        "caption": str(caption).strip(),
        # Graphviz sizes are in points; CSS pixels are 4/3 of a point.
        "width": round(int(size.group(1)) * 4 / 3),
        "height": round(int(size.group(2)) * 4 / 3),
    }
    out_json.write_text(json.dumps(meta, indent=1, sort_keys=True), encoding="utf-8")


def main(argv: list[str]) -> int:
    script, out_svg, out_json = (Path(a) for a in argv[1:4])
    display = argv[4] if len(argv) > 4 else str(script)
    try:
        run(script, out_svg, out_json)
    except FigureScriptError as exc:
        print(f"{display}: {exc}", file=sys.stderr)
        return 1
    except SyntaxError as exc:
        print(f"{display}:{exc.lineno}: SyntaxError: {exc.msg}: fix the script", file=sys.stderr)
        return 1
    except Exception as exc:  # noqa: BLE001 - any error in a contributor's script is reported, not raised
        name = type(exc).__name__
        hint = " (is Graphviz installed? run `make build`)" if name == "ExecutableNotFound" else ""
        print(f"{display}{_script_line(script, exc)}: {name}: {exc}{hint}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
