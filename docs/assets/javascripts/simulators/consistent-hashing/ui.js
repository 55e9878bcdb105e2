// The consistent-hashing simulator's page side: the ring (each node's virtual nodes as ticks in its colour, a
// sample of keys as dots, the keys the last change moved ringed), and a table of each node's load.
import * as logic from "./logic.js";
import { element, svg } from "../lib/dom.js";
import { ringPosition } from "../lib/hashring.js";
import { mount as mountPanel } from "../lib/panel.js";

const COLOURS = 8;
const colour = (node) => `hb-sim-ring--${Number(node.split("-")[1]) % COLOURS}`;
const TURN = 2 * Math.PI;

function drawRing(box, result, cursor, vnodes) {
  const state = result.states[cursor];
  const before = result.states[Math.max(0, cursor - 1)];
  const size = Math.min(300, Math.max(220, Math.floor(box.clientWidth || 300)));
  const c = size / 2;
  const r = c - 14;
  const at = (position, radius) => {
    const angle = (position[0] / 4294967296) * TURN - Math.PI / 2; // 0 at the top, growing clockwise
    return [c + radius * Math.cos(angle), c + radius * Math.sin(angle)];
  };
  const parts = [svg("circle", { class: "hb-sim-ring__circle", cx: c, cy: c, r })];
  for (const node of state.members) {
    for (let i = 0; i < vnodes; i += 1) {
      const position = ringPosition(`${node}#vn${i}`);
      const [x1, y1] = at(position, r - 9);
      const [x2, y2] = at(position, r + 9);
      parts.push(svg("line", { class: `hb-sim-ring__vnode ${colour(node)}`, x1, y1, x2, y2 }));
    }
  }
  result.samplePositions.forEach((position, i) => {
    const owner = state.sample[i];
    const [cx, cy] = at(position, r - 24);
    const moved = cursor > 0 && before.sample[i] !== owner;
    if (moved) parts.push(svg("circle", { class: "hb-sim-ring__moved", cx, cy, r: 7 }));
    parts.push(svg("circle", { class: `hb-sim-ring__key ${owner ? colour(owner) : "hb-sim-ring__key--none"}`, cx, cy, r: 3.5 }));
  });
  const values = logic.summary(result, cursor);
  box.replaceChildren(svg("svg", { class: "hb-sim-chart hb-sim-ring", viewBox: `0 0 ${size} ${size}`, width: size, height: size, role: "img",
    "aria-label": `Hash ring with ${values.nodes} nodes of ${vnodes} virtual nodes each (ticks) and the first ${logic.SAMPLE} keys (dots); ringed dots moved in the last change` },
  parts));
}

function loadTable(result, cursor) {
  const state = result.states[cursor];
  const values = logic.summary(result, cursor);
  const change = (node) => {
    const n = values[`change-${node}`];
    return element("td", { class: "hb-sim__num" }, [n > 0 ? "+" : "", element("span", { "data-hb-value": `change-${node}`, text: n })]);
  };
  const rows = state.members.map((node) => element("tr", {}, [
    element("th", { scope: "row" }, [element("span", { class: `hb-sim-ring__swatch ${colour(node)}`, "aria-hidden": "true" }), node]),
    element("td", { class: "hb-sim__num", "data-hb-value": `keys-${node}`, text: values[`keys-${node}`] }),
    element("td", { class: "hb-sim__num", "data-hb-value": `share-${node}`, text: values[`share-${node}`] }),
    change(node),
  ]));
  return element("table", { class: "hb-sim__table" }, [
    element("caption", { text: "Load on each node" }),
    element("thead", {}, [element("tr", {}, ["Node", "Keys", "× fair share", "Last change"].map((t) => element("th", { scope: "col", text: t })))]),
    element("tbody", {}, rows.length ? rows : [element("tr", {}, [element("td", { colspan: 4, text: "No node is left: no key has a home." })])]),
  ]);
}

function sentence(result, cursor) {
  const state = result.states[cursor];
  const v = logic.summary(result, cursor);
  const start = cursor === 0 ? `Start: ${v.nodes} nodes.` : `${state.node} ${state.action === "add" ? "joined" : "left"}: ${v.moved} keys moved (${v["moved-percent"]}%).`;
  return `${start} ${v.nodes} nodes; the busiest holds ${v.busiest} times its fair share` + (v.unassigned ? `; ${v.unassigned} keys have no node.` : ".");
}

export function mount(block) {
  const box = element("div", { class: "hb-sim__chart" });
  let current = null;
  mountPanel(block, {
    id: "consistent-hashing",
    title: "Consistent-hash ring",
    logic,
    render(output, result, cursor) {
      current = { result, cursor, vnodes: JSON.parse(block.dataset.hbParams).vnodes };
      const v = logic.summary(result, cursor);
      const state = result.states[cursor];
      const what = cursor === 0 ? "Before any change" : `${state.node} ${state.action === "add" ? "joins" : "leaves"}`;
      const figures = element("p", { class: "hb-sim__figures" }, [
        `${what}: `, element("span", { "data-hb-value": "moved", text: v.moved }), " keys moved (",
        element("span", { "data-hb-value": "moved-percent", text: v["moved-percent"] }), "% of ", String(result.keys), "). Nodes: ",
        element("span", { "data-hb-value": "nodes", text: v.nodes }), "; busiest node: ",
        element("span", { "data-hb-value": "busiest", text: v.busiest }), " × its fair share; keys with no node: ",
        element("span", { "data-hb-value": "unassigned", text: v.unassigned }), ".",
      ]);
      output.replaceChildren(figures, element("div", { class: "hb-sim-ring__layout" }, [box, loadTable(result, cursor)]));
      drawRing(box, result, cursor, current.vnodes);
      return sentence(result, cursor);
    },
  });
}
