// The consumer-group simulator's page side: each partition's owner, log end, committed offset and lag, what
// each consumer processed in the tick, and a chart of the group's total lag and its replays over time.
import * as logic from "./logic.js";
import { element } from "../lib/dom.js";
import { chartSlot } from "../lib/chart.js";
import { mount as mountPanel } from "../lib/panel.js";

function owners(state) {
  const owner = {};
  for (const [member, partitions] of Object.entries(state.assignment)) for (const p of partitions) owner[p] = member;
  return owner;
}

function partitionTable(state, tick) {
  const owner = owners(state);
  const rows = state.ends.map((end, p) => {
    const who = owner[p] === undefined ? "none" : owner[p]; // a crashed owner is named in the assignment line
    return element("tr", {}, [
      element("th", { scope: "row", text: `P${p}` }),
      element("td", { text: who }),
      element("td", { class: "hb-sim__num", text: end }),
      element("td", { class: "hb-sim__num", text: state.committed[p] }),
      element("td", { class: "hb-sim__num", text: state.lag[p] }),
    ]);
  });
  return element("table", { class: "hb-sim__table" }, [
    element("caption", { text: `Partitions after tick ${tick}: log end offset, committed offset, lag` }),
    element("thead", {}, [element("tr", {}, ["Partition", "Owner", "End", "Committed", "Lag"].map((t) =>
      element("th", { scope: "col", text: t })))]),
    element("tbody", {}, rows),
  ]);
}

function processedList(state, tick) {
  const by = {};
  for (const r of state.processed) (by[r.member] = by[r.member] || []).push(r);
  const members = Object.keys(by).sort();
  const items = members.map((m) => element("li", {}, [
    element("strong", { text: `${m}: ` }),
    by[m].map((r) => `P${r.partition}@${r.offset}${r.replay ? " (again)" : ""}`).join(", "),
  ]));
  return element("div", { class: "hb-sim-cg__processed" }, [
    element("p", { class: "hb-sim__figures", text: tick
      ? `Processed in tick ${tick} (partition@offset, in order):`
      : "Nothing processed yet." }),
    items.length ? element("ul", {}, items) : element("p", { class: "hb-sim__figures", text: tick ? "Nothing processed in this tick." : "" }),
  ]);
}

function chartSpec(result, cursor) {
  const lag = [];
  const again = [];
  result.states.slice(0, cursor + 1).forEach((s, t) => {
    lag.push([t, s.lag.reduce((a, b) => a + b, 0)]);
    again.push([t, s.duplicates]);
  });
  const top = Math.max(...result.states.map((s) => Math.max(s.lag.reduce((a, b) => a + b, 0), s.duplicates)));
  return {
    title: "Total lag of the group and records processed twice, per tick",
    xLabel: "tick",
    yLabel: "records",
    xMax: result.steps,
    yMax: Math.max(1, top),
    series: [
      { name: "Total lag (log end minus committed)", className: "hb-sim-series-1", points: lag },
      { name: "Records processed twice", className: "hb-sim-series-2", points: again, step: true },
    ],
  };
}

export function mount(block) {
  const chart = chartSlot(chartSpec);
  mountPanel(block, {
    id: "consumer-group",
    title: "Kafka consumer group",
    logic,
    render(output, result, cursor) {
      const values = logic.summary(result, cursor);
      const state = result.states[cursor];
      const figures = element("p", { class: "hb-sim__figures" }, [
        "Tick ", element("span", { "data-hb-value": "tick", text: values.tick }),
        ". Total lag: ", element("span", { "data-hb-value": "lag", text: values.lag }),
        ". Rebalances: ", element("span", { "data-hb-value": "rebalances", text: values.rebalances }),
        ". Idle consumers: ", element("span", { "data-hb-value": "idle", text: values.idle }),
        ". Records processed twice: ", element("span", { "data-hb-value": "duplicates", text: values.duplicates }),
        ". Records processed after one produced later: ", element("span", { "data-hb-value": "overtaken", text: values.overtaken }),
        " across partitions, ", element("span", { "data-hb-value": "overtaken-in-partition", text: values["overtaken-in-partition"] }),
        " within a partition.",
      ]);
      const members = element("p", { class: "hb-sim__figures", text: `Assignment: ${logic.assignmentText(state.assignment)}` +
        (state.crashed.length ? `; crashed, not yet noticed: ${state.crashed.join(", ")}.` : ".") });
      const notes = state.notes.length ? element("ul", { class: "hb-sim-cg__notes" }, state.notes.map((text) => element("li", { text }))) : "";
      output.replaceChildren(figures, members, notes, partitionTable(state, cursor), processedList(state, cursor), chart.box);
      chart.show(result, cursor);
      return `Tick ${cursor}: total lag ${values.lag}, ${values.rebalances} rebalances, ${values.duplicates} records processed twice. ` +
        state.notes.join(" ");
    },
  });
}
