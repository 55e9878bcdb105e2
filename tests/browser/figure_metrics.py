"""Measure every figure of a built page in the browser: the shown size of its smallest text and, for Mermaid,
the colours of its text and arrows against what is painted behind them.

Used by tests/browser/test_figure_legibility.py; kept apart so that a person changing the Mermaid theme can
run the same measurements on two builds and compare them.
"""

from __future__ import annotations

import re
from pathlib import Path

# Figures folded in a <details> or an unselected tab are shown first, so every figure is measured as a reader
# who opens it sees it. A text's shown size is its computed font size times the scale of the SVG element that
# draws it (for HTML labels inside a <foreignObject>, the foreignObject's): the same number a ruler on the
# screen would give, whatever transforms and viewBox the SVG uses.
MEASURE = """
() => {
  for (const details of document.querySelectorAll('.md-content details')) details.open = true;
  const reveal = (figure) => {
    const block = figure.closest('.tabbed-block');
    if (!block) return;
    const set = block.closest('.tabbed-set');
    const index = [...block.parentElement.children].indexOf(block);
    const input = set.querySelectorAll(':scope > input')[index];
    if (input) input.checked = true;
  };
  const scale = (element) => {
    const matrix = element && element.getScreenCTM();
    return matrix ? Math.hypot(matrix.a, matrix.b) : NaN;
  };
  const texts = (svg) => {
    const found = [];
    const seen = new Set();
    const walker = document.createTreeWalker(svg, NodeFilter.SHOW_TEXT);
    while (walker.nextNode()) {
      const element = walker.currentNode.parentElement;
      if (!walker.currentNode.data.trim() || seen.has(element)) continue;
      seen.add(element);
      if (element.closest('title, desc, style, defs, marker')) continue;
      const style = getComputedStyle(element);
      if (style.display === 'none' || style.visibility === 'hidden') continue;
      const box = element.getBoundingClientRect();
      if (box.width === 0 && box.height === 0) continue;
      const drawn = element instanceof SVGGraphicsElement ? element : element.closest('foreignObject');
      found.push({size: parseFloat(style.fontSize) * scale(drawn), text: walker.currentNode.data.trim().slice(0, 40)});
    }
    return found;
  };
  const out = [];
  for (const figure of document.querySelectorAll('.md-content figure[id^="figure-"]')) {
    if (figure.getBoundingClientRect().width === 0) reveal(figure);
    const mermaid = figure.querySelector('.hb-mermaid > svg');
    const chart = figure.querySelector('svg.hb-chart__svg');
    // The visible copy (architecture figures carry a light and a dark one), as loaded: on a phone, the phone
    // layout from its <picture> source.
    const image = [...figure.querySelectorAll('img')].find(img => img.getBoundingClientRect().width > 0)
      || figure.querySelector('img');
    const caption = figure.querySelector('figcaption');
    const entry = {id: figure.id, caption: caption ? caption.textContent.trim() : ''};
    if (mermaid || chart) {
      const svg = mermaid || chart;
      const found = texts(svg);
      const smallest = found.reduce((a, b) => (b.size < a.size ? b : a), found[0] || {size: NaN, text: ''});
      Object.assign(entry, {
        kind: mermaid ? 'mermaid' : 'chart',
        type: svg.getAttribute('aria-roledescription') || 'chart',
        width: svg.getBoundingClientRect().width,
        viewBoxWidth: svg.viewBox.baseVal ? svg.viewBox.baseVal.width : NaN,
        smallest: smallest.size, smallestText: smallest.text, texts: found.length,
      });
    } else if (image) {
      const style = getComputedStyle(image);
      const inner = image.getBoundingClientRect().width - parseFloat(style.paddingLeft)
        - parseFloat(style.paddingRight) - parseFloat(style.borderLeftWidth) - parseFloat(style.borderRightWidth);
      Object.assign(entry, {kind: 'architecture', src: image.currentSrc || image.src, width: inner});
    } else {
      entry.kind = 'other';
    }
    out.push(entry);
  }
  return out;
}
"""

# The colour of every Mermaid text against what is painted right behind it (an edge label's box, a node, a
# note, else the page), and of every arrow (edge lines and arrowheads) against the page. What is behind a text
# comes from the browser's hit test at the text's centre: SVG shapes are hit only where their fill is painted.
COLOURS = """
() => {
  const parse = (css) => {
    const n = (css.match(/[\\d.]+/g) || []).map(Number);
    if (css.startsWith('color(srgb')) return [n[0] * 255, n[1] * 255, n[2] * 255, n.length > 3 ? n[3] : 1];
    return [n[0], n[1], n[2], n.length > 3 ? n[3] : 1];
  };
  const over = (top, bottom) => top.slice(0, 3).map((c, i) => c * top[3] + bottom[i] * (1 - top[3])).concat([1]);
  const page = parse(getComputedStyle(document.body).backgroundColor);
  const alpha = (element, style, paint) => {
    let opacity = parseFloat(style.opacity) * parseFloat(paint === 'fill' ? style.fillOpacity : style.strokeOpacity);
    for (let e = element.parentElement; e && !(e instanceof SVGSVGElement); e = e.parentElement)
      opacity *= parseFloat(getComputedStyle(e).opacity);
    return opacity;
  };
  const painted = (element, paint) => {
    const style = getComputedStyle(element);
    const value = paint === 'fill' ? style.fill : paint === 'stroke' ? style.stroke : style.color;
    if (!value || value === 'none' || value.startsWith('url(')) return null;
    const colour = parse(value);
    colour[3] *= paint === 'color' ? parseFloat(style.opacity) : alpha(element, style, paint);
    return colour[3] > 0 ? colour : null;
  };
  const SHAPES = new Set(['rect', 'path', 'polygon', 'circle', 'ellipse']);
  const behind = (element, svg) => {
    const box = element.getBoundingClientRect();
    const x = box.left + box.width / 2, y = box.top + box.height / 2;
    const layers = [];
    for (const hit of document.elementsFromPoint(x, y)) {
      if (!svg.contains(hit) && !hit.contains(svg)) continue;  // the sticky header, say, drawn over the figure
      if (element.contains(hit) && hit !== element) continue;  // a child, drawn over the text's own box
      if (hit.contains(element) && !(hit instanceof HTMLElement)) continue;  // SVG groups paint nothing
      let colour = null;
      if (hit instanceof HTMLElement) {
        if (hit === document.body || hit === document.documentElement) break;
        colour = parse(getComputedStyle(hit).backgroundColor);
        if (!(colour[3] > 0)) colour = null;
      } else if (SHAPES.has(hit.tagName)) {
        colour = painted(hit, 'fill');
      }
      if (!colour) continue;
      layers.push(colour);
      if (colour[3] >= 1) break;
    }
    return layers.reverse().reduce((below, layer) => over(layer, below), page);
  };
  const out = [];
  for (const svg of document.querySelectorAll('.md-content .hb-mermaid > svg')) {
    const figure = svg.closest('figure');
    const entry = {id: figure ? figure.id : svg.id, texts: [], arrows: [], background: page};
    const walker = document.createTreeWalker(svg, NodeFilter.SHOW_TEXT);
    const seen = new Set();
    while (walker.nextNode()) {
      const element = walker.currentNode.parentElement;
      if (!walker.currentNode.data.trim() || seen.has(element)) continue;
      seen.add(element);
      if (element.closest('title, desc, style, defs, marker')) continue;
      const box = element.getBoundingClientRect();
      if (box.width === 0 && box.height === 0) continue;
      if (box.bottom < 0 || box.top > innerHeight) {
        element.scrollIntoView({block: 'center'});
      }
      const colour = painted(element, element instanceof SVGElement ? 'fill' : 'color');
      if (!colour) continue;
      entry.texts.push({text: walker.currentNode.data.trim().slice(0, 40), colour, behind: behind(element, svg),
                        edge: !!element.closest('.edgeLabel')});
    }
    const ARROWS = '.flowchart-link, .edgePath path, .messageLine0, .messageLine1, .relation, .transition, '
      + '.relationshipLine, .er.relationshipLine';
    for (const line of svg.querySelectorAll(ARROWS)) {
      const colour = painted(line, 'stroke');
      if (colour) entry.arrows.push({what: line.getAttribute('class') || line.tagName, colour});
    }
    for (const head of svg.querySelectorAll('marker path, marker polygon, marker circle')) {
      const stroked = parseFloat(getComputedStyle(head).strokeWidth) > 0 && painted(head, 'stroke');
      const colour = stroked || painted(head, 'fill');  // a hollow head (ER's circle) shows its outline
      const marker = head.closest('marker');
      if (colour && svg.querySelector(`[marker-end="url(#${marker.id})"], [marker-start="url(#${marker.id})"]`))
        entry.arrows.push({what: `arrowhead ${marker.id}`, colour});
    }
    out.push(entry);
  }
  window.scrollTo(0, 0);
  return out;
}
"""


def luminance(rgb) -> float:
    def channel(c: float) -> float:
        c = c / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (channel(c) for c in rgb[:3])
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(foreground, background) -> float:
    """WCAG contrast of `foreground` (r, g, b, alpha; alpha blended onto the background) against `background`."""
    alpha = foreground[3] if len(foreground) > 3 else 1
    shown = [f * alpha + b * (1 - alpha) for f, b in zip(foreground[:3], background[:3], strict=True)]
    light, dark = sorted((luminance(shown), luminance(background)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


_VIEWBOX = re.compile(r'viewBox="\s*[-\d.]+[ ,]+[-\d.]+[ ,]+([\d.]+)')
_FONT_SIZE = re.compile(r'font-size(?:="|:\s*)([\d.]+)')


def svg_file_text(path: Path) -> tuple[float, float]:
    """(smallest font size, viewBox width) of an SVG file, both in its user units."""
    text = path.read_text(encoding="utf-8")
    width = _VIEWBOX.search(text)
    sizes = [float(size) for size in _FONT_SIZE.findall(text)]
    return (min(sizes) if sizes else float("nan")), (float(width.group(1)) if width else float("nan"))
