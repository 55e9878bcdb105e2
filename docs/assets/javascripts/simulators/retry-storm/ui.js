// The retry-storm simulator's page side: the load on the dependency per 100 ms (first attempts and retries) up
// to the current second, and the totals: retries, the busiest 100 ms, the amplification, what a budget refused.
import * as logic from "./logic.js";
import { element } from "../lib/dom.js";
import { chartSlot } from "../lib/chart.js";
import { mount as mountPanel } from "../lib/panel.js";

const ROWS = [
  ["requests", "Requests (first attempts)"],
  ["retries", "Retries sent"],
  ["peak-retries", "Busiest 100 ms: retries"],
  ["peak-calls", "Busiest 100 ms: all calls"],
  ["amplification", "Calls per request"],
  ["refused", "Retries the budget refused"],
  ["failed", "Requests that gave up"],
];

function points(values, upTo) {
  return values.slice(0, upTo).map((n, i) => [i * logic.BUCKET, n]);
}

function chartSpec(result, cursor) {
  const upTo = cursor * 10;
  const peak = Math.max(1, ...result.firsts.map((f, i) => Math.max(f, result.retries[i])));
  return {
    title: `Calls reaching the dependency per 100 ms over the first ${cursor} s`,
    xLabel: "seconds after the outage starts",
    yLabel: "calls per 100 ms",
    xMax: Math.max(1, result.steps),
    yMax: peak,
    series: [
      { name: "First attempts", className: "hb-sim-series-0", points: points(result.firsts, upTo), step: true },
      { name: "Retries", className: "hb-sim-series-2", points: points(result.retries, upTo), step: true },
    ],
  };
}

export function mount(block) {
  const chart = chartSlot(chartSpec);
  mountPanel(block, {
    id: "retry-storm",
    title: "Retry storm",
    logic,
    render(output, result, cursor) {
      const values = logic.summary(result, cursor);
      const table = element("table", { class: "hb-sim__table hb-sim-measures" }, [
        element("caption", {}, ["After ", element("span", { "data-hb-value": "seconds", text: cursor }), ` of ${result.steps} s`]),
        element("tbody", {}, ROWS.map(([key, name]) => element("tr", {}, [
          element("th", { scope: "row", text: name }),
          element("td", { class: "hb-sim__num", "data-hb-value": key, text: values[key] }),
        ]))),
      ]);
      output.replaceChildren(table, chart.box);
      chart.show(result, cursor);
      return `After ${cursor} s: ${values.retries} retries, at most ${values["peak-retries"]} in one 100 ms, ` +
        `${values.amplification} calls per request` + (values.refused ? `, ${values.refused} refused by the budget.` : ".");
    },
  });
}
