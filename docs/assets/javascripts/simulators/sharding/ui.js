// The resharding simulator's page side: for the last join, the keys each placement moved, and a chart of the
// share moved by every join so far against the cluster's size, with the minimum possible, 1/(N+1).
import * as logic from "./logic.js";
import { element } from "../lib/dom.js";
import { chartSlot } from "../lib/chart.js";
import { mount as mountPanel } from "../lib/panel.js";

function chartSpec(result, cursor) {
  const done = result.joins.slice(0, cursor);
  const share = (count) => Math.round((count * 1000) / result.keys) / 10;
  const series = logic.SCHEMES.map(({ key, name }, i) => ({
    name, className: `hb-sim-series-${i + 1}`, points: done.map((join) => [join.from, share(join[key])]),
  }));
  series.push({ name: "ideal, 1/(N+1)", className: "hb-sim-series-0", points: done.map((join) => [join.from, Math.round(1000 / (join.from + 1)) / 10]) });
  return {
    title: "Share of keys moved by each join, by placement, against the number of nodes before the join",
    xLabel: "nodes before one more joins (N)",
    yLabel: "keys moved by the join (%)",
    xMax: result.nodes + result.steps - 1,
    yMax: 100,
    series,
  };
}

export function mount(block) {
  const chart = chartSlot(chartSpec);
  mountPanel(block, {
    id: "sharding",
    title: "Resharding: keys moved when a node joins",
    logic,
    render(output, result, cursor) {
      const v = logic.summary(result, cursor);
      const rows = logic.SCHEMES.map(({ key, name }) => element("tr", {}, [
        element("th", { scope: "row", text: name }),
        element("td", { class: "hb-sim__num", "data-hb-value": `${key}-moved`, text: v[`${key}-moved`] }),
        element("td", { class: "hb-sim__num", "data-hb-value": `${key}-percent`, text: v[`${key}-percent`] }),
        element("td", { class: "hb-sim__num", "data-hb-value": `${key}-total`, text: v[`${key}-total`] }),
      ]));
      const join = cursor ? `${v.nodes - 1} to ${v.nodes} nodes` : `${v.nodes} nodes, before any join`;
      const table = element("table", { class: "hb-sim__table hb-sim-shard" }, [
        element("caption", {}, [`Now `, element("span", { "data-hb-value": "nodes", text: v.nodes }),
          ` nodes; last join: ${join}, ideal `, element("span", { "data-hb-value": "ideal", text: v.ideal }), `% of ${result.keys} keys`]),
        element("thead", {}, [element("tr", {}, ["Placement", "Keys moved", "%", "All joins"].map((t) => element("th", { scope: "col", text: t })))]),
        element("tbody", {}, rows),
      ]);
      output.replaceChildren(table, chart.box);
      chart.show(result, cursor);
      return cursor
        ? `${join}: ` + logic.SCHEMES.map(({ key, name }) => `${name} moved ${v[`${key}-percent`]}%`).join(", ") + ` (ideal ${v.ideal}%).`
        : `${v.nodes} nodes; no join yet.`;
    },
  });
}
