// The isolation-levels simulator's page side: the schedule as a numbered list of steps, each labelled with its
// session, the sessions' states, and the verdict once the last step has run.
import * as logic from "./logic.js";
import { element } from "../lib/dom.js";
import { mount as mountPanel } from "../lib/panel.js";


function stepItem(row, current) {
  const result = row.waiting ? "waits for a lock" : row.result;
  return element("li", { class: `hb-sim-steps__step${current ? " hb-sim-steps__step--current" : ""}`, "data-session": row.session }, [
    element("span", { class: "hb-sim-steps__session", text: `Session ${row.session}` }),
    element("code", { class: "hb-sim-steps__sql", text: row.statement }),
    element("span", { class: `hb-sim-steps__result${row.error ? " hb-sim-steps__result--error" : ""}`, text: `→ ${result}` }),
  ]);
}

export function mount(block) {
  const data = JSON.parse(block.querySelector(".hb-sim__data").textContent);
  const bound = { ...logic, simulate: (params) => logic.simulate(params, data) };
  mountPanel(block, {
    id: "isolation-levels",
    title: "Isolation levels, step by step",
    logic: bound,
    render(output, result, cursor) {
      const values = logic.summary(result, cursor);
      const steps = result.rows.slice(0, cursor).map((row, i) => stepItem(row, i === cursor - 1));
      const list = steps.length
        ? element("ol", { class: "hb-sim-steps" }, steps)
        : element("p", { class: "hb-sim-steps__empty", text: "Press Step to run the first statement." });
      const states = element("dl", { class: "hb-sim-sessions" }, [
        element("dt", { text: "Session A" }), element("dd", { "data-hb-value": "session-a", text: values["session-a"] }),
        element("dt", { text: "Session B" }), element("dd", { "data-hb-value": "session-b", text: values["session-b"] }),
      ]);
      const done = cursor >= result.steps;
      const verdict = element("div", { class: `hb-sim-verdict hb-sim-verdict--${done ? result.verdict.kind : "running"}` }, [
        element("p", { class: "hb-sim-verdict__kind" }, ["Outcome: ", element("span", { "data-hb-value": "outcome", text: values.outcome })]),
        element("p", { text: done ? result.verdict.text : "Step through to the end to see what PostgreSQL does." }),
      ]);
      const source = element("p", { class: "hb-sim__source" }, [
        "Replayed from ", element("code", { text: result.script }), ", as PostgreSQL ran it in the tests. Step ",
        element("span", { "data-hb-value": "step", text: cursor }), ` of ${result.steps}.`,
      ]);
      output.replaceChildren(element("p", { class: "hb-sim__question", text: `${result.title}: ${result.question}` }), list, states, verdict, source);
      const last = result.rows[cursor - 1];
      if (!last) return `${result.title} at ${logic.LEVELS[result.level]}: ready.`;
      const said = `Step ${cursor}, session ${last.session}: ${last.statement}: ${last.waiting ? "waits for a lock" : last.result}.`;
      return done ? `${said} ${result.verdict.text}` : said;
    },
  });
}
