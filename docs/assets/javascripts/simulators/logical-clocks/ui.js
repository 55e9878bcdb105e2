// The logical-clocks simulator's page side: a space-time diagram (one lane per process, arrows for messages),
// the events with their Lamport and vector timestamps, and a comparison of any two events.
import * as logic from "./logic.js";
import { element, svg, uniqueId } from "../lib/dom.js";
import { mount as mountPanel } from "../lib/panel.js";

const LANE = 46;
const PAD = { left: 34, right: 16, top: 22 };

function diagram(box, result, cursor) {
  const width = Math.max(300, Math.floor(box.clientWidth || 600));
  const lanes = logic.NAMES.slice(0, result.processes);
  const height = PAD.top + LANE * lanes.length;
  const x = (i) => PAD.left + ((i + 0.5) * (width - PAD.left - PAD.right)) / Math.max(1, result.steps);
  const y = (name) => PAD.top + LANE * lanes.indexOf(name) + LANE / 2 - 8;
  const parts = [];
  for (const name of lanes) {
    parts.push(svg("line", { class: "hb-sim-clock__lane", x1: PAD.left, x2: width - PAD.right, y1: y(name), y2: y(name) }));
    parts.push(svg("text", { class: "hb-sim-chart__tick", x: 8, y: y(name) + 4, text: name }));
  }
  const shown = result.events.slice(0, cursor);
  shown.forEach((event, i) => {
    if (event.kind === "receive") {
      const from = result.events[event.from];
      parts.push(svg("line", { class: "hb-sim-clock__message", x1: x(event.from), y1: y(from.process), x2: x(i), y2: y(event.process), "marker-end": "url(#hb-sim-arrow)" }));
    }
  });
  shown.forEach((event, i) => {
    parts.push(svg("circle", { class: `hb-sim-clock__event hb-sim-clock__event--${event.kind}`, cx: x(i), cy: y(event.process), r: 5 }, [
      svg("title", { text: `${logic.label(event)}: ${event.kind}, Lamport ${event.lamport}, vector ${logic.vectorText(event.vector)}` }),
    ]));
    parts.push(svg("text", { class: "hb-sim-clock__stamp", x: x(i), y: y(event.process) + 20, "text-anchor": "middle", text: event.lamport }));
  });
  const marker = svg("marker", { id: "hb-sim-arrow", viewBox: "0 0 10 10", refX: 9, refY: 5, markerWidth: 7, markerHeight: 7, orient: "auto-start-reverse" }, [
    svg("path", { class: "hb-sim-clock__arrowhead", d: "M0,0 L10,5 L0,10 z" }),
  ]);
  box.replaceChildren(svg("svg", { class: "hb-sim-chart", viewBox: `0 0 ${width} ${height}`, width, height, role: "img",
    "aria-label": `Space-time diagram: ${result.processes} processes, ${cursor} events; numbers under the dots are Lamport timestamps` },
  [svg("defs", {}, [marker]), ...parts]));
}

function eventTable(result, cursor) {
  const rows = result.events.slice(0, cursor).map((event) => element("tr", {}, [
    element("th", { scope: "row", text: logic.label(event) }),
    element("td", { text: event.kind === "send" ? `send to ${event.to}` : event.kind === "receive" ? `receive ${logic.label(result.events[event.from])}` : "local" }),
    element("td", { class: "hb-sim__num", text: event.lamport }),
    element("td", { text: logic.vectorText(event.vector) }),
  ]));
  return element("table", { class: "hb-sim__table" }, [
    element("thead", {}, [element("tr", {}, ["Event", "What", "Lamport", "Vector"].map((t) => element("th", { scope: "col", text: t })))]),
    element("tbody", {}, rows),
  ]);
}

function comparer(result, cursor) {
  const events = result.events.slice(0, cursor);
  if (events.length < 2) return element("p", { text: "Step to at least two events to compare them." });
  const pick = (name, index) => {
    const id = uniqueId(`hb-sim-${name}`);
    const select = element("select", { id, name }, events.map((e, i) => element("option", { value: i, text: logic.label(e) })));
    select.value = String(index);
    return { select, field: element("div", { class: "hb-sim__field" }, [element("label", { for: id, text: name === "first" ? "Event" : "and event" }), select]) };
  };
  const first = pick("first", 0);
  const second = pick("second", events.length - 1);
  const verdict = element("p", { class: "hb-sim-clock__verdict", role: "status", "aria-live": "polite" });
  const explain = () => {
    const a = events[Number(first.select.value)];
    const b = events[Number(second.select.value)];
    const relation = logic.compare(a.vector, b.vector);
    const lamport = a.lamport < b.lamport ? "<" : a.lamport > b.lamport ? ">" : "=";
    const words = { before: "happened before", after: "happened after", equal: "is the same event as", concurrent: "is concurrent with" }[relation];
    verdict.textContent = `${logic.label(a)} ${words} ${logic.label(b)} (vectors). Lamport: ${a.lamport} ${lamport} ${b.lamport}` +
      (relation === "concurrent" ? ", an order that says nothing about causality." : ".");
  };
  first.select.addEventListener("change", explain);
  second.select.addEventListener("change", explain);
  explain();
  return element("div", { class: "hb-sim-clock__compare" }, [element("div", { class: "hb-sim__controls" }, [first.field, second.field]), verdict]);
}

export function mount(block) {
  const box = element("div", { class: "hb-sim__chart" });
  let current = null;
  mountPanel(block, {
    id: "logical-clocks",
    title: "Lamport and vector clocks",
    logic,
    render(output, result, cursor) {
      current = { result, cursor };
      const values = logic.summary(result, cursor);
      const numbers = element("p", { class: "hb-sim__figures" }, [
        "Events: ", element("span", { "data-hb-value": "events", text: values.events }),
        ". Last event's Lamport time: ", element("span", { "data-hb-value": "last-lamport", text: values["last-lamport"] }),
        ", vector: ", element("span", { "data-hb-value": "last-vector", text: values["last-vector"] }),
        ". Concurrent pairs so far: ", element("span", { "data-hb-value": "concurrent-pairs", text: values["concurrent-pairs"] }), ".",
      ]);
      output.replaceChildren(numbers, box, comparer(result, cursor), eventTable(result, cursor));
      diagram(box, result, cursor);
      const last = result.events[cursor - 1];
      return last
        ? `${logic.label(last)}: ${last.kind}, Lamport ${last.lamport}, vector ${logic.vectorText(last.vector)}; ${values["concurrent-pairs"]} concurrent pairs.`
        : "No events yet.";
    },
  });
  if ("ResizeObserver" in window) {
    let width = box.clientWidth;
    new ResizeObserver(() => {
      if (current && box.clientWidth !== width) { width = box.clientWidth; diagram(box, current.result, current.cursor); }
    }).observe(box);
  }
}
