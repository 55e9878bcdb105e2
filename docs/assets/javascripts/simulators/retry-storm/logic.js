// A retry storm: clients whose calls fail while a dependency is down, retrying under a policy. The logic of the
// retry-storm simulator, with no DOM access. The delays and the budget are those of
// examples/python/backoff_with_jitter.py (full_jitter, decorrelated_jitter, RetryBudget); the parity test in
// tests/simulators replays every scenario through them and requires the same calls in every 100 ms bucket.
import { seeded } from "../lib/random.js";

export const SCHEMA = {
  policy: {
    label: "Retry policy",
    type: "choice",
    options: {
      none: "No backoff (wait 1 s every time)",
      exponential: "Exponential backoff, no jitter",
      full: "Full jitter",
      decorrelated: "Decorrelated jitter",
      budget: "Full jitter + retry budget (10%)",
    },
    value: "full",
  },
  clients: { label: "Clients", type: "number", min: 10, max: 2000, step: 10, value: 1000 },
  outage: { label: "Dependency down for (s)", type: "number", min: 0, max: 120, step: 1, value: 120 },
  retries: { label: "Retries per request", type: "number", min: 0, max: 8, step: 1, value: 5 },
  interval: { label: "New request per client every (s); 0 = one only", type: "number", min: 0, max: 10, step: 1, value: 0 },
  seed: { label: "Seed", type: "number", min: 1, max: 9999, step: 1, value: 2015 },
};

export const PRESETS = {
  herd: { label: "Herd, no jitter", params: { policy: "exponential", clients: 1000, outage: 120, retries: 5, interval: 0, seed: 2015 } },
  jitter: { label: "Herd, full jitter", params: { policy: "full", clients: 1000, outage: 120, retries: 5, interval: 0, seed: 2015 } },
  steady: { label: "Steady traffic, no budget", params: { policy: "full", clients: 500, outage: 30, retries: 3, interval: 1, seed: 2015 } },
  budget: { label: "Steady traffic, retry budget", params: { policy: "budget", clients: 500, outage: 30, retries: 3, interval: 1, seed: 2015 } },
};

export const BASE = 1; // seconds, the example's herd: base 1 s, cap 20 s
export const CAP = 20;
export const BUCKET = 0.1; // load is counted per 100 ms
export const TRAFFIC_FOR = 60; // with an interval, clients send new requests during the first 60 s

// The example's RetryBudget: thousandths of a token, 0.1 deposited per first attempt, 10 banked at most.
function budget() {
  let balance = 10000;
  return {
    onRequest() { balance = Math.min(10000, balance + 100); },
    trySpend() { if (balance >= 1000) { balance -= 1000; return true; } return false; },
  };
}

// random.Random.uniform's formula, so the same draws give the same delays as in Python.
const uniform = (next, a, b) => a + (b - a) * next();

function delay(policy, attempt, previous, next) {
  if (policy === "none") return BASE;
  const ceiling = Math.min(CAP, BASE * 2 ** attempt);
  if (policy === "exponential") return ceiling;
  if (policy === "decorrelated") return Math.min(CAP, uniform(next, BASE, Math.max(BASE, previous * 3)));
  return uniform(next, 0, ceiling); // full jitter, with or without a budget
}

// One client's attempts in time order (ties: earlier request first): [time, request, attempt, previous delay].
function later(a, b) {
  return a[0] !== b[0] ? a[0] > b[0] : a[1] !== b[1] ? a[1] > b[1] : a[2] > b[2];
}
function insert(queue, item) {
  // queue is kept latest first, so the next attempt is popped from its end
  let low = 0;
  let high = queue.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (later(queue[mid], item)) low = mid + 1; else high = mid;
  }
  queue.splice(low, 0, item);
}

function add(counts, slot) { counts[slot] = (counts[slot] || 0) + 1; }

export function simulate({ policy, clients, outage, retries, interval, seed }) {
  const next = seeded(seed);
  const firsts = [];
  const retried = [];
  const refused = [];
  const failed = [];
  for (let c = 0; c < clients; c += 1) {
    const queue = [];
    const starts = [0];
    if (interval > 0) {
      const offset = uniform(next, 0, interval);
      starts[0] = offset;
      for (let k = 1; offset + k * interval < TRAFFIC_FOR; k += 1) starts.push(offset + k * interval);
    }
    starts.forEach((t, k) => insert(queue, [t, k, 0, BASE]));
    const bank = budget();
    while (queue.length) {
      const [now, request, attempt, previous] = queue.pop();
      const slot = Math.floor(now / BUCKET);
      if (attempt === 0) { add(firsts, slot); bank.onRequest(); } else add(retried, slot);
      if (now >= outage) continue; // the dependency is back: the call succeeds
      if (attempt === retries) { add(failed, slot); continue; }
      if (policy === "budget" && !bank.trySpend()) { add(refused, slot); add(failed, slot); continue; }
      const wait = delay(policy, attempt, previous, next);
      insert(queue, [now + wait, request, attempt + 1, wait]);
    }
  }
  const slots = Math.max(firsts.length, retried.length, failed.length);
  const dense = (counts) => Array.from({ length: slots }, (_, i) => counts[i] || 0);
  return {
    steps: Math.ceil(slots * BUCKET),
    firsts: dense(firsts),
    retries: dense(retried),
    refused: dense(refused),
    failed: dense(failed),
  };
}

const sum = (values) => values.reduce((a, b) => a + b, 0);

// The numbers the page shows after `cursor` seconds (ten 100 ms buckets a second).
export function summary(result, cursor) {
  const upTo = (values) => values.slice(0, cursor * 10);
  const firsts = sum(upTo(result.firsts));
  const retries = sum(upTo(result.retries));
  const calls = upTo(result.firsts).map((f, i) => f + result.retries[i]);
  return {
    seconds: cursor,
    requests: firsts,
    retries,
    "peak-retries": Math.max(0, ...upTo(result.retries)),
    "peak-calls": Math.max(0, ...calls),
    amplification: firsts ? ((firsts + retries) / firsts).toFixed(2) : "0.00",
    refused: sum(upTo(result.refused)),
    failed: sum(upTo(result.failed)),
  };
}
