// The queueing simulator's page side: the state at the current second (backlog, rejections, latency), Little's
// law over the whole run (L measured by integration next to lambda times W), and two charts per second.
import * as logic from "./logic.js";
import { element } from "../lib/dom.js";
import { responsiveChart } from "../lib/chart.js";
import { mount as mountPanel } from "../lib/panel.js";

const NOW = [
  ["utilisation", "Offered load ρ = λ × service time / workers"],
  ["arrived", "Requests arrived"],
  ["rejected", "Rejected by the queue limit"],
  ["in-system", "In the system now (waiting + in service)"],
  ["waiting", "Waiting now"],
  ["latency", "Time in system, last second's arrivals (ms)"],
];
const LAW = [
  ["L", "L: mean number in the system (measured)"],
  ["lambda", "λ: requests served per second"],
  ["W", "W: mean time in the system (s)"],
  ["lambda-W", "λ × W"],
];

function table(caption, rows, values) {
  return element("table", { class: "hb-sim__table hb-sim-measures" }, [
    element("caption", {}, caption),
    element("tbody", {}, rows.map(([key, name]) => element("tr", {}, [
      element("th", { scope: "row", text: name }),
      element("td", { class: "hb-sim__num", "data-hb-value": key, text: values[key] }),
    ]))),
  ]);
}

function perSecond(result, cursor, pick) {
  const points = [];
  let before = { arrived: 0, rejected: 0 };
  for (let s = 1; s <= cursor; s += 1) {
    const now = logic.at(result, s);
    points.push([s, pick(now, before)]);
    before = now;
  }
  return points;
}

export function mount(block) {
  const backlogBox = element("div", { class: "hb-sim__chart" });
  const latencyBox = element("div", { class: "hb-sim__chart" });
  let current = null;
  let draws = null;
  const backlogSpec = () => {
    const { result, cursor } = current;
    const inSystem = perSecond(result, cursor, (n) => n.inSystem);
    const rejected = perSecond(result, cursor, (n, b) => n.rejected - b.rejected);
    const whole = perSecond(result, logic.SECONDS, (n) => n.inSystem);
    return {
      title: `Requests in the system and rejected, each second, over the first ${cursor} s`,
      xLabel: "seconds",
      yLabel: "requests",
      xMax: logic.SECONDS,
      yMax: Math.max(1, ...whole.map((p) => p[1]), ...perSecond(result, logic.SECONDS, (n, b) => n.rejected - b.rejected).map((p) => p[1])),
      series: [
        { name: "In the system", className: "hb-sim-series-1", points: [[0, 0], ...inSystem] },
        { name: "Rejected in that second", className: "hb-sim-series-2", points: [[0, 0], ...rejected], step: true },
      ],
    };
  };
  const latencySpec = () => {
    const { result, cursor } = current;
    const whole = perSecond(result, logic.SECONDS, (n) => n.latency);
    return {
      title: `Mean time in the system of each second's arrivals, over the first ${cursor} s`,
      xLabel: "seconds (when the requests arrived)",
      yLabel: "time in the system (ms)",
      xMax: logic.SECONDS,
      yMax: Math.max(1, ...whole.map((p) => p[1])),
      series: [{ name: "Time in the system", className: "hb-sim-series-3", points: perSecond(result, cursor, (n) => n.latency), step: true }],
    };
  };
  mountPanel(block, {
    id: "queueing",
    title: "Queueing and Little's law",
    logic,
    render(output, result, cursor) {
      const values = logic.summary(result, cursor);
      current = { result, cursor };
      output.replaceChildren(
        table(["At ", element("span", { "data-hb-value": "seconds", text: cursor }), ` of ${result.steps} s of traffic`], NOW, values),
        backlogBox,
        latencyBox,
        table("Little's law, L = λ × W, over the whole run (it starts and ends empty)", LAW, values),
      );
      if (draws) draws.forEach((draw) => draw());
      else draws = [responsiveChart(backlogBox, backlogSpec), responsiveChart(latencyBox, latencySpec)];
      return `At ${cursor} s: ${values["in-system"]} in the system, ${values.rejected} rejected so far, ` +
        `${values.latency} ms in the system for the last second's arrivals.`;
    },
  });
}
