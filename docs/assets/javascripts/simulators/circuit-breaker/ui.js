// The circuit-breaker simulator's page side: the three states with the current one marked, the transitions so
// far, what happened to the calls (passed, failed, shed) and a chart of them per second.
import * as logic from "./logic.js";
import { element } from "../lib/dom.js";
import { chartSlot } from "../lib/chart.js";
import { mount as mountPanel } from "../lib/panel.js";

const ROWS = [
  ["calls", "Calls made"],
  ["ok", "Succeeded"],
  ["failed", "Failed at the dependency"],
  ["rejected", "Shed by the breaker"],
  ["opened", "Times it opened"],
  ["state", "State now"],
];
const NAMES = { closed: "Closed", open: "Open", "half-open": "Half-open" };

function perSecond(result, cursor, kinds) {
  const counts = new Array(logic.HORIZON).fill(0);
  result.outcomes.forEach((o, i) => { if (kinds.includes(o)) counts[Math.floor(result.times[i])] += 1; });
  return counts.slice(0, cursor).map((n, s) => [s, n]);
}

function chartSpec(result, cursor) {
  const [from, to] = result.incident;
  return {
    title: `Calls per second over the first ${cursor} s; the incident runs from ${from} to ${to} s`,
    xLabel: `seconds (incident from ${from} to ${to} s)`,
    yLabel: "calls per second",
    xMax: logic.HORIZON,
    yMax: Math.max(1, ...perSecond(result, logic.HORIZON, ["ok", "failed", "rejected"]).map((p) => p[1])),
    series: [
      { name: "Succeeded", className: "hb-sim-series-3", points: perSecond(result, cursor, ["ok"]), step: true },
      { name: "Failed", className: "hb-sim-series-2", points: perSecond(result, cursor, ["failed"]), step: true },
      { name: "Shed (rejected)", className: "hb-sim-series-1", points: perSecond(result, cursor, ["rejected"]), step: true },
    ],
  };
}

export function mount(block) {
  const chart = chartSlot(chartSpec);
  mountPanel(block, {
    id: "circuit-breaker",
    title: "Circuit breaker",
    logic,
    render(output, result, cursor) {
      const values = logic.summary(result, cursor);
      const states = element("ol", { class: "hb-sim-states", "aria-label": "Breaker state" }, logic.STATES.map((s) =>
        element("li", { class: s === values.state ? "hb-sim-states__now" : "", "aria-current": s === values.state ? "true" : false, text: NAMES[s] })));
      const moves = result.transitions.filter((t) => t.time < cursor);
      const log = moves.length
        ? element("ol", { class: "hb-sim-moves" }, moves.map((t) => element("li", { text: `t = ${Number(t.time.toFixed(2))} s: ${NAMES[t.from]} → ${NAMES[t.to]}` })))
        : element("p", { class: "hb-sim-moves", text: "No state change yet." });
      const table = element("table", { class: "hb-sim__table hb-sim-measures" }, [
        element("caption", {}, ["After ", element("span", { "data-hb-value": "seconds", text: cursor }), ` of ${result.steps} s`]),
        element("tbody", {}, ROWS.map(([key, name]) => element("tr", {}, [
          element("th", { scope: "row", text: name }),
          element("td", { class: "hb-sim__num", "data-hb-value": key, text: values[key] }),
        ]))),
      ]);
      output.replaceChildren(states, table, element("p", { class: "hb-sim__figures", text: "State changes:" }), log, chart.box);
      chart.show(result, cursor);
      return `After ${cursor} s: ${NAMES[values.state].toLowerCase()}; ${values.ok} succeeded, ${values.failed} failed, ` +
        `${values.rejected} shed; opened ${values.opened} times.`;
    },
  });
}
