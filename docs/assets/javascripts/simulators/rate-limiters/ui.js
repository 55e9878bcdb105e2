// The rate-limiting simulator's page side: a table of what each limiter admitted so far and a chart of the
// cumulative admitted requests over time (the leaky bucket's line shows when requests leave its queue).
import * as logic from "./logic.js";
import { element } from "../lib/dom.js";
import { chartSlot } from "../lib/chart.js";
import { mount as mountPanel } from "../lib/panel.js";

function cumulative(times, flags, shift) {
  const points = [[0, 0]];
  let total = 0;
  const events = [];
  flags.forEach((ok, i) => { if (ok) events.push(times[i] + (shift ? shift[i] : 0)); });
  events.sort((a, b) => a - b);
  for (const t of events) { total += 1; points.push([t, total]); }
  return points;
}

function chartSpec(result, cursor) {
  const times = result.times.slice(0, cursor);
  const arrivals = cumulative(times, times.map(() => true));
  const series = [{ name: "Requests sent", className: "hb-sim-series-0", points: arrivals, step: true }];
  logic.LIMITERS.forEach(({ key, name }, i) => {
    const flags = result.decisions[key].slice(0, cursor);
    const shift = key === "leaky" ? result.waits.slice(0, cursor).map((w) => w || 0) : null;
    series.push({ name: key === "leaky" ? `${name}, forwarded` : name, className: `hb-sim-series-${i + 1}`, points: cumulative(times, flags, shift), step: true });
  });
  const last = cursor ? times[cursor - 1] : 0;
  for (const s of series) s.points.push([Math.max(last, s.points[s.points.length - 1][0]), s.points[s.points.length - 1][1]]);
  return {
    title: "Cumulative requests admitted by each limiter over time",
    xLabel: "time (s)",
    yLabel: "requests admitted (cumulative)",
    xMax: Math.max(result.horizon, ...series.map((s) => s.points[s.points.length - 1][0])),
    yMax: Math.max(1, result.steps),
    series,
  };
}

export function mount(block) {
  const chart = chartSlot(chartSpec);
  mountPanel(block, {
    id: "rate-limiters",
    title: "Rate limiters side by side",
    logic,
    render(output, result, cursor) {
      const values = logic.summary(result, cursor);
      const rows = logic.LIMITERS.map(({ key, name }) => element("tr", {}, [
        element("th", { scope: "row", text: name }),
        element("td", { class: "hb-sim__num", "data-hb-value": `${key}-admitted`, text: values[`${key}-admitted`] }),
        element("td", { class: "hb-sim__num", "data-hb-value": `${key}-denied`, text: values[`${key}-denied`] }),
      ]));
      const table = element("table", { class: "hb-sim__table" }, [
        element("caption", {}, ["After ", element("span", { "data-hb-value": "requests", text: cursor }), ` of ${result.steps} requests`]),
        element("thead", {}, [element("tr", {}, [
          element("th", { scope: "col", text: "Limiter" }),
          element("th", { scope: "col", text: "Admitted" }),
          element("th", { scope: "col", text: "Denied" }),
        ])]),
        element("tbody", {}, rows),
      ]);
      output.replaceChildren(table, chart.box);
      chart.show(result, cursor);
      const at = cursor ? `t = ${result.times[cursor - 1]} s` : "t = 0 s";
      return `After ${cursor} of ${result.steps} requests (${at}): ` +
        logic.LIMITERS.map(({ key, name }) => `${name.toLowerCase()} ${values[`${key}-admitted`]}`).join(", ") + " admitted.";
    },
  });
}
