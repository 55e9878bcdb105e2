// A line chart drawn as SVG at the container's real width, so its text stays at the page's size on a phone
// instead of being scaled down; it is redrawn when the container's width changes. Colours come from CSS classes
// (simulators.css) that follow Material's light and dark schemes; no inline style (the CSP forbids it).
import { element, svg } from "./dom.js";

const MARGIN = { top: 12, right: 12, bottom: 40, left: 48 };

function ticks(max, count) {
  if (max <= 0) return [0];
  const raw = max / count;
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * power).find((s) => s >= raw);
  const values = [];
  for (let v = 0; v <= max + step / 1e6; v += step) values.push(Number(v.toFixed(6)));
  return values;
}

// spec: {title, xLabel, yLabel, xMax, yMax, series: [{name, className, points: [[x, y], ...], step}]}
export function drawChart(container, spec) {
  const width = Math.max(280, Math.floor(container.clientWidth || 600));
  const height = Math.round(Math.min(320, Math.max(200, width * 0.5)));
  const plotW = width - MARGIN.left - MARGIN.right;
  const plotH = height - MARGIN.top - MARGIN.bottom;
  const xMax = spec.xMax || 1;
  const yMax = spec.yMax || 1;
  const x = (v) => MARGIN.left + (v / xMax) * plotW;
  const y = (v) => MARGIN.top + plotH - (v / yMax) * plotH;

  const grid = [];
  for (const v of ticks(yMax, 4)) {
    grid.push(svg("line", { class: "hb-sim-chart__grid", x1: x(0), x2: x(xMax), y1: y(v), y2: y(v) }));
    grid.push(svg("text", { class: "hb-sim-chart__tick", x: MARGIN.left - 6, y: y(v) + 4, "text-anchor": "end", text: v }));
  }
  for (const v of ticks(xMax, width < 500 ? 4 : 8)) {
    grid.push(svg("text", { class: "hb-sim-chart__tick", x: x(v), y: y(0) + 16, "text-anchor": "middle", text: v }));
  }
  const lines = spec.series.map((series) => {
    const points = [];
    let last = null;
    for (const [px, py] of series.points) {
      if (series.step && last !== null) points.push(`${x(px).toFixed(1)},${y(last).toFixed(1)}`);
      points.push(`${x(px).toFixed(1)},${y(py).toFixed(1)}`);
      last = py;
    }
    return svg("polyline", { class: `hb-sim-chart__line ${series.className}`, points: points.join(" ") }, [
      svg("title", { text: series.name }),
    ]);
  });
  const chart = svg("svg", {
    class: "hb-sim-chart",
    viewBox: `0 0 ${width} ${height}`,
    width,
    height,
    role: "img",
    "aria-label": spec.title,
  }, [
    ...grid,
    svg("line", { class: "hb-sim-chart__axis", x1: x(0), x2: x(xMax), y1: y(0), y2: y(0) }),
    svg("line", { class: "hb-sim-chart__axis", x1: x(0), x2: x(0), y1: y(0), y2: y(yMax) }),
    svg("text", { class: "hb-sim-chart__label", x: x(xMax / 2), y: height - 6, "text-anchor": "middle", text: spec.xLabel }),
    ...lines,
  ]);
  const legend = element("ul", { class: "hb-sim-chart__legend" }, spec.series.map((series) =>
    element("li", {}, [element("span", { class: `hb-sim-chart__key ${series.className}`, "aria-hidden": "true" }), series.name])));
  const caption = element("p", { class: "hb-sim-chart__ylabel", text: spec.yLabel });
  container.replaceChildren(caption, chart, legend);
}

// Draw now and again whenever the container's width changes.
export function responsiveChart(container, specOf) {
  let width = -1;
  const draw = () => { width = container.clientWidth; drawChart(container, specOf()); };
  if ("ResizeObserver" in window) {
    new ResizeObserver(() => { if (container.clientWidth !== width) draw(); }).observe(container);
  }
  draw();
  return draw;
}

// A simulator's chart: `box` goes in the output, and `show(result, cursor)` draws `specOf(result, cursor)` into
// it once in the page (then redraws it on width changes) and again on every later call.
export function chartSlot(specOf) {
  const box = element("div", { class: "hb-sim__chart" });
  let shown = null;
  let draw = null;
  return {
    box,
    show(result, cursor) {
      shown = [result, cursor];
      if (draw) draw();
      else draw = responsiveChart(box, () => specOf(...shown));
    },
  };
}
