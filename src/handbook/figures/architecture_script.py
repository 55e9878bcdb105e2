"""Run one `figures/<name>.py` script in its own process and write a self-contained SVG.

Usage: python architecture_script.py SCRIPT OUT_SVG OUT_JSON [DISPLAY [wide|narrow [TB|LR|-]]].
Exit 1 prints one line: `SCRIPT:LINE: what went wrong`.
Run in a process of its own (the build forks one from handbook.figures.fork_server, which imported `diagrams`
and Pillow once): each script draws with module-level state of the `diagrams` package.
"""

from __future__ import annotations

import base64
import hashlib
import io
import itertools
import json
import os
import re
import runpy
import sys
import textwrap
import traceback
from dataclasses import dataclass, replace
from pathlib import Path

FONT = "DejaVu Sans"  # installed with Graphviz by the Makefile; fixed so output does not depend on fontconfig
_IMAGE = re.compile(
    r'<image xlink:href="([^"]+)" width="([\d.]+)px" height="([\d.]+)px" '
    r'preserveAspectRatio="xMinYMin meet" x="([-\d.]+)" y="([-\d.]+)"/>'
)


class FigureScriptError(Exception):
    pass


def escape(text: str, entities: dict[str, str] | None = None) -> str:
    """`&`, `<`, `>` (and `entities`) escaped, as xml.sax.saxutils.escape does. Not imported from there: it
    imports urllib and http, a fifth of each run's start-up; nor from `html`, as this file runs beside
    handbook/figures/html.py."""
    text = text.replace("&", "&amp;").replace(">", "&gt;").replace("<", "&lt;")
    for character, entity in (entities or {}).items():
        text = text.replace(character, entity)
    return text


ICON_PIXELS = 96  # icons are shown 34-40 CSS px wide: sharp at 2x; the package ships them at 256 px and more


def shrink_icon(data: bytes) -> tuple[bytes, int, int]:
    """Scale an icon down and store it as a 128-colour palette PNG: about a sixth of the bytes, same look."""
    from PIL import Image

    image = Image.open(io.BytesIO(data)).convert("RGBA")
    image.thumbnail((ICON_PIXELS, ICON_PIXELS), Image.Resampling.LANCZOS)
    out = io.BytesIO()
    image.quantize(colors=128, method=Image.Quantize.FASTOCTREE).save(out, "PNG", optimize=True)
    return out.getvalue(), image.width, image.height


ICON_CACHE = "HANDBOOK_ICON_CACHE"  # a folder the build names (handbook/figures/architecture.py): icons shrunk once


def cached_shrink_icon(data: bytes) -> tuple[bytes, int, int]:
    """`shrink_icon(data)`, kept in the ICON_CACHE folder when the build names one: every figure of a build shows
    the same few icons, in each of its layouts."""
    folder = os.environ.get(ICON_CACHE)
    if not folder:
        return shrink_icon(data)
    digest = hashlib.sha256(Path(__file__).read_bytes() + b"\0" + data).hexdigest()[:24]
    try:
        width, height = (int(v) for v in (Path(folder) / f"{digest}.size").read_text(encoding="ascii").split())
        return (Path(folder) / f"{digest}.png").read_bytes(), width, height
    except (OSError, ValueError):
        pass
    shrunk, width, height = shrink_icon(data)
    Path(folder).mkdir(parents=True, exist_ok=True)
    for suffix, content in ((".png", shrunk), (".size", f"{width} {height}".encode())):  # the size marks it whole
        partial = Path(folder) / f"{digest}.{os.getpid()}.tmp"
        partial.write_bytes(content)
        partial.replace(Path(folder) / f"{digest}{suffix}")
    return shrunk, width, height


def embed_icons(svg: str) -> str:
    """Replace icon file paths with one embedded symbol per distinct icon, reused by `<use>`."""
    symbols: dict[str, str] = {}
    defs = []

    def replace(match: re.Match) -> str:
        path, width, height, x, y = match.groups()
        if path not in symbols:
            data, w, h = cached_shrink_icon(Path(path).read_bytes())
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


@dataclass(frozen=True)
class Layout:
    """How one variant of every figure is laid out; sizes in points (a CSS px is 3/4 pt), spacing in inches.

    Only ratios matter on screen (a figure is scaled to the column), so the text is large against everything
    else: the smallest label is what limits legibility once a wide drawing is shrunk into a 690 px column.
    """

    name: str
    fontsize: int  # every label: nodes, edges and cluster titles
    icon: int  # an icon's side
    spacing: float  # multiplies the nodesep and ranksep a script asks for (they were tuned for 1.4 in icons)
    wrap: int  # a label line longer than this many characters is wrapped at a space
    direction: str | None = None  # None keeps the script's; "TB" stacks a left-to-right figure, "LR" lays it out


LAYOUTS = {
    "wide": Layout("wide", fontsize=14, icon=40, spacing=0.5, wrap=24),
    "narrow": Layout("narrow", fontsize=14, icon=34, spacing=0.25, wrap=16),
}
_QUOTE = {'"': "&quot;"}
BLANK_ICON = "blank.png"  # diagrams' Blank node: a label with no picture


def wrap_label(text: str, width: int) -> str:
    """Each line of `text` wrapped at spaces to at most `width` characters, in lines as even as possible
    ("BEGIN;" / "INSERT order;", not "BEGIN; INSERT" / "order;"); a single longer word stays whole."""
    return "\n".join(_balanced(line, width) for line in text.split("\n"))


def _balanced(line: str, width: int) -> str:
    lines = _wrap(line, width)
    if len(lines) < 2:
        return line
    # Every wrap in as few lines, packed from the start or from the end; the evenest wins (shortest longest
    # line, then longest shortest line), and of two as even the one that ends long ("BEGIN;" / "INSERT order;").
    candidates = []
    for narrower in range(width, 0, -1):
        packed = _wrap(line, narrower)
        if len(packed) > len(lines):
            break
        reversed_words = " ".join(reversed(line.split()))
        from_end = [" ".join(reversed(part.split())) for part in reversed(_wrap(reversed_words, narrower))]
        candidates += [packed, from_end] if len(from_end) == len(lines) else [packed]
    best = min(candidates, key=lambda found: (max(map(len, found)), -min(map(len, found)), -len(found[-1])))
    return "\n".join(best)


def _wrap(line: str, width: int) -> list[str]:
    return textwrap.wrap(line, width, break_long_words=False, break_on_hyphens=False)


def icon_label(text: str, icon: str, layout: Layout) -> str:
    """An HTML-like label: the icon above its text. Graphviz sizes the node to fit both, so no label spills
    over a neighbour, and the icon's size is set here rather than by the 1.4 in box of diagrams."""
    lines = "<BR/>".join(escape(line) for line in text.split("\n"))
    picture = (
        f'<TR><TD FIXEDSIZE="TRUE" WIDTH="{layout.icon}" HEIGHT="{layout.icon}">'
        f'<IMG SRC="{escape(icon, _QUOTE)}" SCALE="TRUE"/></TD></TR>'
    )
    words = f"<TR><TD>{lines}</TD></TR>" if text.strip() else ""
    return f'<<TABLE BORDER="0" CELLBORDER="0" CELLSPACING="4" CELLPADDING="0">{picture}{words}</TABLE>>'


def node_attributes(label: str, attrs: dict, layout: Layout) -> tuple[str, dict]:
    """The label and attributes a node is drawn with in `layout`: icon nodes become icon-over-text labels."""
    label = wrap_label(label, layout.wrap)
    icon = attrs.get("image")
    if not icon:
        return label, attrs
    rest = {k: v for k, v in attrs.items() if k not in ("image", "height", "width", "shape", "fixedsize")}
    if Path(icon).name == BLANK_ICON:
        return label, {**rest, "shape": "plaintext"}
    return icon_label(label, icon, layout), {**rest, "shape": "rect", "penwidth": "0", "margin": "0.04"}


def _patch_diagrams(out_stem: str, rendered: list, layout: Layout) -> None:
    import diagrams

    ids = itertools.count(1)
    diagrams.Node._rand_id = staticmethod(lambda: f"node{next(ids)}")  # uuid4 by default: output differs each run
    diagrams.Diagram.__init__ = _diagram_init(diagrams.Diagram.__init__, out_stem, rendered, layout)

    def add_node(self, nodeid: str, label: str, **attrs) -> None:
        label, attrs = node_attributes(label, attrs, layout)
        self.dot.node(nodeid, label=label, **attrs)

    def connect(self, node, node2, edge) -> None:
        attrs = dict(edge.attrs)
        for key in ("label", "xlabel"):
            if attrs.get(key):
                attrs[key] = wrap_label(attrs[key], layout.wrap)
        self.dot.edge(node.nodeid, node2.nodeid, **attrs)

    diagrams.Diagram.node = add_node
    diagrams.Cluster.node = add_node
    diagrams.Diagram.connect = connect
    font = {"fontname": FONT, "fontsize": str(layout.fontsize)}
    diagrams.Edge._default_edge_attrs = {**diagrams.Edge._default_edge_attrs, **font}
    diagrams.Cluster._default_graph_attrs = {**diagrams.Cluster._default_graph_attrs, **font}


def _diagram_init(original_init, out_stem: str, rendered: list, layout: Layout):
    """`Diagram.__init__` drawing into `out_stem`.svg with the layout's fonts, spacing and direction; each
    diagram made is added to `rendered`."""

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
        graph_attr, node_attr, edge_attr = _layout_attributes(layout, graph_attr, node_attr, edge_attr)
        if layout.direction and graph_attr.get("layout", "dot") == "dot":
            direction = layout.direction
        attributes = (graph_attr, node_attr, edge_attr)
        original_init(self, name, out_stem, direction, curvestyle, "svg", autolabel, False, strict, *attributes)
        rendered.append(self)

    return init


def _layout_attributes(layout: Layout, graph_attr, node_attr, edge_attr) -> tuple[dict, dict, dict]:
    """A script's graph, node and edge attributes with the layout's font and spacing."""
    size = str(layout.fontsize)
    graph_attr = dict(graph_attr or {})
    for key, default in (("nodesep", 0.6), ("ranksep", 0.75)):
        graph_attr[key] = f"{float(graph_attr.get(key, default)) * layout.spacing:.2f}"
    # The page shows the title as a caption, so the drawing carries no second copy of it.
    graph_attr = {**graph_attr, "pad": "0.1", "fontname": FONT, "fontsize": size, "label": ""}
    node_fixed = {"fontname": FONT, "fontsize": size, "fixedsize": "false", "width": "0", "height": "0"}
    node_attr = {**(node_attr or {}), **node_fixed}
    edge_attr = {**(edge_attr or {}), "fontname": FONT, "fontsize": size}
    return graph_attr, node_attr, edge_attr


def _script_line(script: Path, exc: BaseException) -> str:
    frames = [f for f in traceback.extract_tb(exc.__traceback__) if Path(f.filename).resolve() == script.resolve()]
    return f":{frames[-1].lineno}" if frames else ""


def preload() -> None:
    """What every figure imports, for handbook.figures.fork_server to import once for all of them."""
    import diagrams  # noqa: F401
    from PIL import Image  # noqa: F401


def run(script: Path, out_svg: Path, out_json: Path, layout: Layout = LAYOUTS["wide"]) -> None:
    rendered: list = []
    out_stem = str(out_svg.with_suffix(""))
    _patch_diagrams(out_stem, rendered, layout)
    # NARROW lets a script adapt to the phone layout (a shorter label, a cluster stacked) when the runner's
    # global direction and spacing are not enough.
    namespace = runpy.run_path(str(script), init_globals={"NARROW": layout.name == "narrow"}, run_name="__figure__")
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
        # Graphviz sizes are in points. The page shows a point as a CSS pixel (not the 4/3 px a point measures),
        # so 14 pt labels read as 14 px text at the figure's own size: as large as the page's text needs.
        "width": int(size.group(1)),
        "height": int(size.group(2)),
        "smallest_text": min(float(v) for v in re.findall(r'font-size="([\d.]+)"', svg)),
        "direction": rendered[0].dot.graph_attr.get("rankdir", "LR"),
    }
    out_json.write_text(json.dumps(meta, indent=1, sort_keys=True), encoding="utf-8")


def main(argv: list[str]) -> int:
    script, out_svg, out_json = (Path(a) for a in argv[1:4])
    display = argv[4] if len(argv) > 4 else str(script)
    layout = LAYOUTS[argv[5] if len(argv) > 5 else "wide"]
    if len(argv) > 6 and argv[6] != "-":
        layout = replace(layout, direction=argv[6])
    try:
        run(script, out_svg, out_json, layout)
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
