// Leaderless replication of one key with N, W and R: the logic of the quorum simulator, with no DOM access.
// The rules (which replicas a write reaches, the first W replies applying it at once and slower ones a step
// later, reads of the first R home replicas with read repair, last-writer-wins, stand-ins holding hints in a
// sloppy quorum, hinted handoff) mirror examples/python/quorum_replication.py; the parity test replays every
// run through its Cluster and compares each outcome and each replica after every step.
import { integer, seeded } from "../lib/random.js";

export const SCHEMA = {
  n: { label: "N (replicas of the key)", type: "number", min: 1, max: 5, step: 1, value: 3 },
  w: { label: "W (acknowledgements a write needs)", type: "number", min: 1, max: 5, step: 1, value: 2 },
  r: { label: "R (replies a read needs)", type: "number", min: 1, max: 5, step: 1, value: 2 },
  script: {
    label: "What happens",
    type: "choice",
    options: {
      outage: "One replica down and back",
      partition: "Two down, then hinted handoff",
      concurrent: "Concurrent writes, skewed clock",
      random: "Random steps (seeded)",
    },
    value: "outage",
  },
  quorum: { label: "Quorum", type: "choice", options: { strict: "Strict (home replicas only)", sloppy: "Sloppy, hinted handoff" }, value: "strict" },
  seed: { label: "Seed (who answers first)", type: "number", min: 1, max: 9999, step: 1, value: 1 },
};

export const PRESETS = {
  overlap: { label: "R + W > N: 3, 2, 2", params: { n: 3, w: 2, r: 2, script: "outage", quorum: "strict", seed: 1 } },
  stale: { label: "R + W ≤ N: stale reads", params: { n: 3, w: 1, r: 1, script: "outage", quorum: "strict", seed: 1 } },
  lww: { label: "LWW drops a write", params: { n: 3, w: 2, r: 2, script: "concurrent", quorum: "strict", seed: 1 } },
  strict: { label: "Strict quorum refuses", params: { n: 3, w: 2, r: 2, script: "partition", quorum: "strict", seed: 1 } },
  sloppy: { label: "Sloppy quorum, hinted handoff", params: { n: 3, w: 2, r: 2, script: "partition", quorum: "sloppy", seed: 1 } },
};

const NAMES = "ABCDEFG";
const SKEW_MS = 500; // client X's clock runs ahead of client Y's

export const newer = (a, b) => b === null || (a !== null && (a.ts > b.ts || (a.ts === b.ts && a.value > b.value)));

function shuffled(next, items) {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i -= 1) {
    const j = integer(next, 0, i);
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

// The operations, one per step, with everything the outcome depends on (timestamps, who answers first).
export function makeRun({ n, script, seed }) {
  const next = seeded(seed);
  const nodes = NAMES.slice(0, n + 2).split("");
  const home = nodes.slice(0, n);
  const ops = [];
  let count = 0;
  const write = (step, client = "Y") => {
    count += 1;
    return { value: `v${count}`, client, ts: 1000 * (step + 1) + (client === "X" ? SKEW_MS : 0), order: shuffled(next, nodes) };
  };
  const add = (op) => {
    const step = ops.length;
    if (op === "write") ops.push({ op: "write", writes: [write(step)] });
    else if (op === "concurrent") ops.push({ op: "write", writes: [write(step, "X"), { ...write(step), ts: 1000 * (step + 1) + 1 }] });
    else if (op === "read") ops.push({ op: "read", order: shuffled(next, nodes) });
    else ops.push(op);
  };
  const last = [home[n - 1]];
  const pair = home.slice(0, Math.min(2, n));
  const scripts = {
    outage: ["write", "read", "write", "read", { op: "down", nodes: last }, "write", "read", { op: "up", nodes: last }, "read", "read"],
    partition: ["write", { op: "down", nodes: pair }, "write", { op: "up", nodes: pair }, "read", { op: "handoff" }, "read"],
    concurrent: ["write", "concurrent", "read", "read", "read"],
  };
  if (scripts[script]) { scripts[script].forEach(add); return { nodes, ops }; }
  const down = new Set();
  for (let i = 0; i < 12; i += 1) {
    const roll = integer(next, 1, 100);
    if (roll <= 35) add("write");
    else if (roll <= 70) add("read");
    else if (roll <= 90) {
      const node = nodes[integer(next, 0, nodes.length - 1)];
      if (down.has(node)) down.delete(node); else down.add(node);
      add({ op: down.has(node) ? "down" : "up", nodes: [node] });
    } else add({ op: "handoff" });
  }
  return { nodes, ops };
}

function cluster(nodes, n, w, r, sloppy) {
  const home = nodes.slice(0, n);
  const spare = nodes.slice(n);
  const up = Object.fromEntries(nodes.map((x) => [x, true]));
  const stored = Object.fromEntries(nodes.map((x) => [x, null]));
  const hints = Object.fromEntries(nodes.map((x) => [x, {}]));
  let lagging = [];
  let late = [];
  const keep = (node, version) => { if (newer(version, stored[node])) stored[node] = version; };
  return {
    up, stored, hints,
    write(value, ts, order) {
      const version = { value, ts };
      const targets = home.filter((x) => up[x]);
      const standIns = {};
      if (sloppy) {
        const free = spare.filter((x) => up[x]);
        for (const x of home) if (!up[x] && free.length) standIns[free.shift()] = x;
      }
      targets.push(...Object.keys(standIns));
      const replies = order.filter((x) => targets.includes(x));
      replies.forEach((x, i) => {
        if (x in standIns) { if (newer(version, hints[x][standIns[x]] || null)) hints[x][standIns[x]] = version; }
        else if (i < w) keep(x, version);
        else late.push([x, version]);
      });
      return { acks: replies.length, ok: replies.length >= w, hinted: Object.keys(standIns).sort() };
    },
    read(order) {
      const replies = order.filter((x) => home.includes(x) && up[x]).slice(0, r);
      if (replies.length < r) return { ok: false, asked: replies, version: null };
      let best = null;
      for (const x of replies) if (newer(stored[x], best)) best = stored[x];
      for (const x of replies) keep(x, best);
      return { ok: true, asked: replies, version: best };
    },
    handoff() {
      let delivered = 0;
      for (const [holder, held] of Object.entries(hints)) {
        for (const [target, version] of Object.entries(held)) {
          if (up[holder] && up[target]) { keep(target, version); delete held[target]; delivered += 1; }
        }
      }
      return delivered;
    },
    endStep() {
      for (const [x, version] of lagging) if (up[x]) keep(x, version);
      lagging = late;
      late = [];
    },
  };
}

export function simulate(params) {
  const n = params.n;
  const w = Math.min(params.w, n);
  const r = Math.min(params.r, n);
  const { nodes, ops } = makeRun(params);
  const c = cluster(nodes, n, w, r, params.quorum === "sloppy");
  const steps = ops.map((op) => {
    let outcome;
    if (op.op === "write") outcome = op.writes.map((x) => c.write(x.value, x.ts, x.order));
    else if (op.op === "read") outcome = c.read(op.order);
    else if (op.op === "handoff") outcome = c.handoff();
    else { for (const x of op.nodes) c.up[x] = op.op === "up"; outcome = null; }
    c.endStep();
    return {
      ...op, outcome,
      up: { ...c.up },
      stored: Object.fromEntries(nodes.map((x) => [x, c.stored[x] && c.stored[x].value])),
      hints: Object.fromEntries(nodes.map((x) => [x, Object.keys(c.hints[x]).length])),
    };
  });
  return { steps: steps.length, n, w, r, nodes, run: steps };
}

// Per step: which reads were stale (older than the newest acknowledged write) and which acknowledged writes
// last-writer-wins drops (an earlier write carries a higher timestamp, so every replica keeps that one).
export function verdicts(result) {
  let newestAcked = null;
  let newestSent = null;
  return result.run.map((step) => {
    const mark = { stale: false, dropped: [], newest: null };
    if (step.op === "write") {
      step.writes.forEach((x, i) => {
        const version = { value: x.value, ts: x.ts };
        const ok = step.outcome[i].ok;
        if (ok && newestSent && newer(newestSent, version)) mark.dropped.push(x.value);
        if (newer(version, newestSent)) newestSent = version;
        if (ok && newer(version, newestAcked)) newestAcked = version;
      });
    } else if (step.op === "read" && step.outcome.ok) {
      mark.stale = Boolean(newestAcked && newer(newestAcked, step.outcome.version));
    }
    mark.newest = newestAcked && newestAcked.value;
    return mark;
  });
}

// After `cursor` steps: counts of what happened, and what each node holds.
export function summary(result, cursor) {
  const done = result.run.slice(0, cursor);
  const marks = verdicts(result).slice(0, cursor);
  const count = (test) => done.reduce((sum, step, i) => sum + test(step, marks[i]), 0);
  const values = {
    "r-plus-w": result.r + result.w,
    "writes-ok": count((s) => (s.op === "write" ? s.outcome.filter((o) => o.ok).length : 0)),
    "writes-failed": count((s) => (s.op === "write" ? s.outcome.filter((o) => !o.ok).length : 0)),
    "reads-ok": count((s) => s.op === "read" && s.outcome.ok),
    "stale-reads": count((s, m) => m.stale),
    "failed-reads": count((s) => s.op === "read" && !s.outcome.ok),
    "lww-dropped": count((s, m) => m.dropped.length),
  };
  const last = done[done.length - 1];
  for (const x of result.nodes) {
    values[`value-${x}`] = last ? last.stored[x] || "none" : "none";
    values[`hints-${x}`] = last ? last.hints[x] : 0;
  }
  return values;
}
