// Processes exchanging messages, stamped with Lamport and vector clocks: the logic of the logical-clocks
// simulator, with no DOM access. The clock rules mirror examples/python/lamport_clock.py and vector_clock.py
// (the parity test in tests/simulators replays the same run through both and compares every timestamp and
// every pairwise relation).
import { integer, seeded } from "../lib/random.js";

export const SCHEMA = {
  processes: { label: "Processes", type: "number", min: 2, max: 4, step: 1, value: 3 },
  events: { label: "Events", type: "number", min: 4, max: 24, step: 1, value: 12 },
  sendPercent: { label: "Chance an event sends (%)", type: "number", min: 0, max: 100, step: 5, value: 40 },
  seed: { label: "Seed", type: "number", min: 1, max: 9999, step: 1, value: 3 },
};

export const PRESETS = {
  chatty: { label: "Chatty (many messages)", params: { processes: 3, events: 14, sendPercent: 70, seed: 3 } },
  quiet: { label: "Quiet (mostly concurrent)", params: { processes: 3, events: 12, sendPercent: 10, seed: 5 } },
  pair: { label: "Two processes", params: { processes: 2, events: 10, sendPercent: 50, seed: 11 } },
};

export const NAMES = ["A", "B", "C", "D"];

// A seeded run: at each step one process either receives a message waiting for it (delivery order is random, so
// messages can overtake each other), sends to another process, or records a local event.
export function makeRun({ processes, events, sendPercent, seed }) {
  const next = seeded(seed);
  const inFlight = []; // {from, to, event}
  const run = [];
  for (let i = 0; i < events; i += 1) {
    const process = NAMES[integer(next, 0, processes - 1)];
    const waiting = inFlight.filter((m) => m.to === process);
    if (waiting.length && integer(next, 0, 1) === 1) {
      const message = waiting[integer(next, 0, waiting.length - 1)];
      inFlight.splice(inFlight.indexOf(message), 1);
      run.push({ process, kind: "receive", from: message.event });
    } else if (processes > 1 && integer(next, 1, 100) <= sendPercent) {
      const others = NAMES.slice(0, processes).filter((n) => n !== process);
      const to = others[integer(next, 0, others.length - 1)];
      inFlight.push({ from: process, to, event: run.length });
      run.push({ process, kind: "send", to });
    } else {
      run.push({ process, kind: "local" });
    }
  }
  return run;
}

function maximum(a, b) {
  const out = {};
  for (const key of new Set([...Object.keys(a), ...Object.keys(b)])) out[key] = Math.max(a[key] || 0, b[key] || 0);
  return out;
}

export function compare(a, b) {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  let aLeB = true;
  let bLeA = true;
  for (const k of keys) {
    if ((a[k] || 0) > (b[k] || 0)) aLeB = false;
    if ((b[k] || 0) > (a[k] || 0)) bLeA = false;
  }
  if (aLeB && bLeA) return "equal";
  if (aLeB) return "before";
  if (bLeA) return "after";
  return "concurrent";
}

export function simulate(params) {
  const run = makeRun(params);
  const lamport = {};
  const vector = {};
  for (const name of NAMES.slice(0, params.processes)) { lamport[name] = 0; vector[name] = {}; }
  const stamped = [];
  for (const event of run) {
    const p = event.process;
    if (event.kind === "receive") {
      // Jump past what the sender had seen (max of the two), then count the receive as an event.
      lamport[p] = Math.max(lamport[p], stamped[event.from].lamport) + 1;
      vector[p] = maximum(vector[p], stamped[event.from].vector);
    } else {
      lamport[p] += 1;
    }
    vector[p] = { ...vector[p], [p]: (vector[p][p] || 0) + 1 };
    stamped.push({ ...event, lamport: lamport[p], vector: { ...vector[p] } });
  }
  return { steps: stamped.length, events: stamped, processes: params.processes };
}

// Pairs of events (i < j, both within the first `cursor`) that no chain of messages orders.
export function concurrentPairs(result, cursor) {
  const pairs = [];
  for (let i = 0; i < cursor; i += 1) {
    for (let j = i + 1; j < cursor; j += 1) {
      if (compare(result.events[i].vector, result.events[j].vector) === "concurrent") pairs.push([i, j]);
    }
  }
  return pairs;
}

// "B2": the second event on process B (its own entry in its vector clock).
export function label(event) {
  return `${event.process}${event.vector[event.process]}`;
}

export function vectorText(vector) {
  return Object.keys(vector).sort().map((k) => `${k}:${vector[k]}`).join(" ");
}

export function summary(result, cursor) {
  const last = result.events[cursor - 1];
  return {
    events: cursor,
    "last-lamport": last ? last.lamport : 0,
    "last-vector": last ? vectorText(last.vector) : "",
    "concurrent-pairs": concurrentPairs(result, cursor).length,
  };
}
