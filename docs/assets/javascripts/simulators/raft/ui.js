// The Raft simulator's page side: each server's state and log after the current tick (committed entries drawn
// solid, uncommitted dashed), what happened in that tick, and a chart of the highest term and the commit index.
import * as logic from "./logic.js";
import { element } from "../lib/dom.js";
import { chartSlot } from "../lib/chart.js";
import { mount as mountPanel } from "../lib/panel.js";

const ROLE = { leader: "Leader", candidate: "Candidate", follower: "Follower", down: "Down" };

function logList(server, lost) {
  if (!server.log.length) return element("p", { class: "hb-sim-raft__empty", text: "Log empty" });
  const entries = server.log.map(([term, command], i) => {
    const committed = i < server.commit;
    const first = lost[i + 1]; // this entry replaced a different one that had been committed at its index
    const replaced = Boolean(first) && (first[0] !== term || first[1] !== command);
    return element("li", {
      class: `hb-sim-raft__entry${committed ? " hb-sim-raft__entry--committed" : ""}${replaced ? " hb-sim-raft__entry--lost" : ""}`,
      title: `index ${i + 1}, term ${term}, ${command}${committed ? ", committed" : ", not committed"}` +
        (replaced ? `; it replaced ${first[1]} (term ${first[0]}), which had been committed: safety broken` : ""),
    }, [element("span", { class: "hb-sim-raft__term", text: `t${term}` }), command]);
  });
  return element("ol", { class: "hb-sim-raft__log",
    "aria-label": `Log of ${server.log.length} entries, ${Math.min(server.commit, server.log.length)} committed` }, entries);
}

// One line per server (name, state, term, vote, timer) with its log beside it, or under it on a phone.
function serverList(state, tick) {
  const items = state.servers.map((s, id) => {
    const timer = s.role === "leader" || s.role === "down" ? "" : `, times out in ${Math.max(0, s.deadline - tick)}`;
    const vote = s.votedFor === null ? "no vote" : `voted for ${logic.name(s.votedFor)}`;
    return element("li", { class: `hb-sim-raft__server hb-sim-raft__server--${s.role}` }, [
      element("p", { class: "hb-sim-raft__who" }, [
        element("strong", { text: `${logic.name(id)} ${ROLE[s.role].toLowerCase()}` }), `: term ${s.term}, ${vote}${timer}`,
      ]),
      logList(s, state.lost),
    ]);
  });
  return element("div", {}, [
    element("p", { class: "hb-sim__figures", text: `Servers after tick ${tick}; in each log, tN is the entry's term, and committed entries are solid, the others dashed.` }),
    element("ul", { class: "hb-sim-raft__servers" }, items),
  ]);
}

function chartSpec(result, cursor) {
  const term = [];
  const commit = [];
  result.states.slice(0, cursor + 1).forEach((state, t) => {
    term.push([t, Math.max(...state.servers.map((s) => s.term))]);
    commit.push([t, Math.max(...state.servers.map((s) => s.commit))]);
  });
  const top = Math.max(...result.states.map((st) => Math.max(...st.servers.map((s) => Math.max(s.term, s.commit)))));
  return {
    title: "Highest term and highest commit index over the ticks so far",
    xLabel: "tick",
    yLabel: "term / commit index",
    xMax: result.steps,
    yMax: Math.max(1, top),
    series: [
      { name: "Highest term", className: "hb-sim-series-1", points: term, step: true },
      { name: "Highest commit index", className: "hb-sim-series-3", points: commit, step: true },
    ],
  };
}

export function mount(block) {
  const chart = chartSlot(chartSpec);
  mountPanel(block, {
    id: "raft",
    title: "Raft election and replication",
    logic,
    render(output, result, cursor) {
      const values = logic.summary(result, cursor);
      const state = result.states[cursor];
      const figures = element("p", { class: "hb-sim__figures" }, [
        "Tick ", element("span", { "data-hb-value": "tick", text: values.tick }),
        ". Leader: ", element("span", { "data-hb-value": "leaders", text: values.leaders }),
        ". Highest term: ", element("span", { "data-hb-value": "term", text: values.term }),
        ". Highest commit index: ", element("span", { "data-hb-value": "committed", text: values.committed }),
        ". Committed entries later lost: ", element("span", { "data-hb-value": "overwritten", text: values.overwritten }), ".",
      ]);
      const network = element("p", { class: "hb-sim__figures", text: state.groups.length > 1
        ? `Network partitioned: ${logic.groupsText(state.groups)} (no messages cross the bar).`
        : "Network: every server reaches every other." });
      const notes = state.notes.length ? state.notes : [cursor ? "Heartbeats only." : "All five servers start as followers of term 0."];
      const happened = element("div", { class: "hb-sim-raft__notes" }, [
        element("p", { class: "hb-sim__figures", text: cursor ? `In tick ${cursor}:` : "At the start:" }),
        element("ul", {}, notes.map((text) => element("li", { text }))),
      ]);
      output.replaceChildren(figures, network, serverList(state, cursor), happened, chart.box);
      chart.show(result, cursor);
      return `Tick ${cursor}: leader ${values.leaders}, highest term ${values.term}, commit index ${values.committed}. ` + notes.slice(0, 3).join(" ");
    },
  });
}
