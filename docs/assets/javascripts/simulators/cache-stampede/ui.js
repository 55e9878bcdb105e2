// The cache-stampede simulator's page side: the totals so far, the counts of the current second, and two
// charts over time: queries reaching the origin per second, and the share of requests the cache answered.
import * as logic from "./logic.js";
import { element } from "../lib/dom.js";
import { responsiveChart } from "../lib/chart.js";
import { mount as mountPanel } from "../lib/panel.js";

const ROWS = [
  ["requests", "Requests"],
  ["hits", "Fresh hits"],
  ["stale", "Stale hits"],
  ["waited", "Waited for a load"],
  ["origin", "Origin queries"],
];

function secondTable(result, cursor) {
  const counts = cursor ? result.seconds[cursor - 1] : null;
  return element("table", { class: "hb-sim__table" }, [
    element("caption", { text: cursor ? `Second ${cursor - 1} to ${cursor}` : "Before the first second" }),
    element("tbody", {}, ROWS.map(([key, label]) => element("tr", {}, [
      element("th", { scope: "row", text: label }),
      element("td", { class: "hb-sim__num", text: counts ? counts[key] : 0 }),
    ]))),
  ]);
}

function series(result, cursor, value) {
  const points = [];
  result.seconds.slice(0, cursor).forEach((s, i) => points.push([i + 1, value(s)]));
  return points;
}

function originSpec(result, cursor) {
  return {
    title: "Queries reaching the origin in each second",
    xLabel: "time (s)",
    yLabel: "origin queries per second",
    xMax: result.steps,
    yMax: Math.max(1, ...result.seconds.map((s) => s.origin)),
    series: [{ name: "Origin queries per second", className: "hb-sim-series-2", points: series(result, cursor, (s) => s.origin) }],
  };
}

function ratioSpec(result, cursor) {
  return {
    title: "Share of requests answered from the cache in each second",
    xLabel: "time (s)",
    yLabel: "answered from the cache (%)",
    xMax: result.steps,
    yMax: 100,
    series: [{ name: "Hit ratio (fresh and stale hits)", className: "hb-sim-series-1",
      points: series(result, cursor, (s) => (s.requests ? (100 * (s.hits + s.stale)) / s.requests : 100)) }],
  };
}

export function mount(block) {
  const originBox = element("div", { class: "hb-sim__chart" });
  const ratioBox = element("div", { class: "hb-sim__chart" });
  let current = null;
  let draws = null;
  mountPanel(block, {
    id: "cache-stampede",
    title: "Cache stampede",
    logic,
    render(output, result, cursor) {
      const values = logic.summary(result, cursor);
      const figures = element("p", { class: "hb-sim__figures" }, [
        "After ", element("span", { "data-hb-value": "seconds", text: values.seconds }),
        " s: origin queries ", element("span", { "data-hb-value": "origin-queries", text: values["origin-queries"] }),
        ", at most ", element("span", { "data-hb-value": "origin-peak", text: values["origin-peak"] }),
        " in one second; hit ratio ", element("span", { "data-hb-value": "hit-ratio", text: values["hit-ratio"] }),
        "; requests that waited for a load: ", element("span", { "data-hb-value": "waited", text: values.waited }), ".",
      ]);
      current = { result, cursor };
      output.replaceChildren(figures, secondTable(result, cursor), originBox, ratioBox);
      if (draws) draws.forEach((draw) => draw());
      else draws = [
        responsiveChart(originBox, () => originSpec(current.result, current.cursor)),
        responsiveChart(ratioBox, () => ratioSpec(current.result, current.cursor)),
      ];
      const counts = cursor ? result.seconds[cursor - 1] : null;
      return `After ${cursor} s: ${counts ? counts.origin : 0} origin queries in the last second, ` +
        `${values["origin-queries"]} in all; hit ratio ${values["hit-ratio"]}.`;
    },
  });
}
