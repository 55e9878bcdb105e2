// The quorum simulator's page side: the replicas (up or down, the version each holds, hints held for others),
// the steps so far with each write's acknowledgements and each read's answer, and the running counts.
import * as logic from "./logic.js";
import { element } from "../lib/dom.js";
import { mount as mountPanel } from "../lib/panel.js";

const list = (names) => (names.length > 1 ? `${names.slice(0, -1).join(", ")} and ${names[names.length - 1]}` : names[0] || "none");

function describe(result, step, mark) {
  if (step.op === "write") {
    const parts = step.writes.map((x, i) => {
      const o = step.outcome[i];
      const who = `Client ${x.client} writes ${x.value} (timestamp ${x.ts})`;
      const acks = `${o.acks} acknowledgement${o.acks === 1 ? "" : "s"}, W = ${result.w}`;
      const hinted = o.hinted.length ? `; stand-in${o.hinted.length === 1 ? "" : "s"} ${list(o.hinted)} hold${o.hinted.length === 1 ? "s" : ""} it as a hint` : "";
      const dropped = mark.dropped.includes(x.value) ? "; last-writer-wins drops it: an earlier write has a higher timestamp" : "";
      return o.ok ? `${who}: ${acks}, acknowledged${hinted}${dropped}.` : `${who}: ${acks}, so it fails; the replicas it reached keep it${hinted}.`;
    });
    return { text: parts.join(" Then "), bad: mark.dropped.length > 0 || step.outcome.some((o) => !o.ok) };
  }
  if (step.op === "read") {
    const o = step.outcome;
    if (!o.ok) return { text: `A read finds ${o.asked.length} replica${o.asked.length === 1 ? "" : "s"} up, R = ${result.r}: it fails.`, bad: true };
    const got = o.version ? o.version.value : "nothing";
    return { text: `A read asks ${list(o.asked)} and returns ${got}` + (mark.stale ? `: stale, ${mark.newest} was acknowledged.` : "."), bad: mark.stale };
  }
  if (step.op === "handoff") return { text: `Hinted handoff: ${step.outcome} hint${step.outcome === 1 ? "" : "s"} delivered to home replicas.`, bad: false };
  return { text: `${list(step.nodes)} ${step.op === "down" ? "go" + (step.nodes.length === 1 ? "es" : "") + " down" : "come" + (step.nodes.length === 1 ? "s" : "") + " back"}.`, bad: false };
}

function nodeTable(result, cursor, values) {
  const last = result.run[cursor - 1];
  const rows = result.nodes.map((x, i) => element("tr", { class: last && !last.up[x] ? "hb-sim-quorum__down" : "" }, [
    element("th", { scope: "row", text: x }),
    element("td", { text: i < result.n ? "home replica" : "stand-in" }),
    element("td", { text: !last || last.up[x] ? "up" : "down" }),
    element("td", { "data-hb-value": `value-${x}`, text: values[`value-${x}`] }),
    element("td", { class: "hb-sim__num", "data-hb-value": `hints-${x}`, text: values[`hints-${x}`] }),
  ]));
  return element("table", { class: "hb-sim__table" }, [
    element("caption", { text: `Nodes: the key's ${result.n} home replicas, and stand-ins for a sloppy quorum` }),
    element("thead", {}, [element("tr", {}, ["Node", "Role", "State", "Holds", "Hints"].map((t) => element("th", { scope: "col", text: t })))]),
    element("tbody", {}, rows),
  ]);
}

export function mount(block) {
  mountPanel(block, {
    id: "replication",
    title: "Quorum replication",
    logic,
    render(output, result, cursor) {
      const v = logic.summary(result, cursor);
      const marks = logic.verdicts(result);
      const overlap = v["r-plus-w"] > result.n;
      const sloppy = JSON.parse(block.dataset.hbParams).quorum === "sloppy";
      const figures = element("p", { class: "hb-sim__figures" }, [
        "R + W = ", element("span", { "data-hb-value": "r-plus-w", text: v["r-plus-w"] }),
        !overlap ? ` ≤ N = ${result.n}: a read can miss the last write. `
          : sloppy ? ` > N = ${result.n}, but a sloppy quorum's write can sit on stand-ins that reads do not ask. `
            : ` > N = ${result.n}: every read meets every acknowledged write. `,
        "Writes acknowledged: ", element("span", { "data-hb-value": "writes-ok", text: v["writes-ok"] }),
        ", failed: ", element("span", { "data-hb-value": "writes-failed", text: v["writes-failed"] }),
        ", dropped by last-writer-wins: ", element("span", { "data-hb-value": "lww-dropped", text: v["lww-dropped"] }),
        ". Reads answered: ", element("span", { "data-hb-value": "reads-ok", text: v["reads-ok"] }),
        ", stale: ", element("span", { "data-hb-value": "stale-reads", text: v["stale-reads"] }),
        ", failed: ", element("span", { "data-hb-value": "failed-reads", text: v["failed-reads"] }), ".",
      ]);
      const steps = result.run.slice(0, cursor).map((step, i) => {
        const said = describe(result, step, marks[i]);
        return element("li", { class: `hb-sim-steps__step${i === cursor - 1 ? " hb-sim-steps__step--current" : ""}${said.bad ? " hb-sim-quorum__bad" : ""}`, text: said.text });
      });
      const log = steps.length ? element("ol", { class: "hb-sim-steps" }, steps) : element("p", { class: "hb-sim-steps__empty", text: "Step to start: every replica is up and empty." });
      output.replaceChildren(figures, nodeTable(result, cursor, v), log);
      return cursor ? describe(result, result.run[cursor - 1], marks[cursor - 1]).text : "Every replica is up and empty.";
    },
  });
}
