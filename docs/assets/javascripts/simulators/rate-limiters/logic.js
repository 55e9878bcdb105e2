// Five rate limiters on one request trace: the logic of the rate-limiting simulator, with no DOM access.
// The limiters mirror examples/python/rate_limiters.py operation for operation (the parity test in
// tests/simulators feeds the same traces to both and requires identical decisions and queue waits).
import { integer, seeded } from "../lib/random.js";

export const SCHEMA = {
  trace: {
    label: "Traffic",
    type: "choice",
    options: {
      boundary: "Two bursts at a window boundary",
      bursty: "Random bursts (seeded)",
      steady: "Steady, 1.5 times the limit",
    },
    value: "boundary",
  },
  limit: { label: "Limit (requests per window)", type: "number", min: 0, max: 50, step: 1, value: 10 },
  window: { label: "Window (seconds)", type: "number", min: 1, max: 120, step: 1, value: 60 },
  seed: { label: "Seed (random bursts)", type: "number", min: 1, max: 9999, step: 1, value: 7 },
};

export const PRESETS = {
  boundary: { label: "Window boundary", params: { trace: "boundary", limit: 10, window: 60, seed: 7 } },
  bursty: { label: "Random bursts", params: { trace: "bursty", limit: 10, window: 60, seed: 7 } },
  steady: { label: "Steady overload", params: { trace: "steady", limit: 10, window: 60, seed: 7 } },
};

export const LIMITERS = [
  { key: "token", name: "Token bucket" },
  { key: "leaky", name: "Leaky bucket (queue)" },
  { key: "fixed", name: "Fixed window" },
  { key: "log", name: "Sliding log" },
  { key: "counter", name: "Sliding counter" },
];

// Times are multiples of 1/8 s, so window arithmetic is exact and identical in JavaScript and Python.
const TICK = 1 / 8;
const snap = (seconds) => Math.max(TICK, Math.round(seconds / TICK) * TICK);

export function makeTrace({ trace, limit, window, seed }) {
  const times = [];
  if (trace === "boundary") {
    // The classic fixed-window flaw: a full burst just before the boundary and another right after it.
    for (let i = 0; i < limit; i += 1) times.push(window - 1);
    for (let i = 0; i < limit; i += 1) times.push(window);
    const gap = snap(window / Math.max(1, limit));
    for (let t = window + gap; t < 3 * window; t += gap) times.push(t);
  } else if (trace === "steady") {
    const gap = snap(window / (1.5 * Math.max(1, limit)));
    for (let t = 0; t < 3 * window; t += gap) times.push(t);
  } else {
    const next = seeded(seed);
    const bursts = 6;
    for (let b = 0; b < bursts; b += 1) {
      const start = integer(next, 0, 24 * window - 1) * TICK;
      const size = integer(next, 1, Math.max(1, limit));
      for (let i = 0; i < size; i += 1) times.push(start + i * TICK);
    }
    times.sort((a, b) => a - b);
  }
  return times;
}

function tokenBucket(rate, capacity, start) {
  let tokens = capacity;
  let updated = start;
  return (now) => {
    tokens = Math.min(capacity, tokens + (now - updated) * rate);
    updated = now;
    if (tokens >= 1) { tokens -= 1; return true; }
    return false;
  };
}

function fixedWindow(limit, window) {
  let currentIndex = -1;
  let count = 0;
  return (now) => {
    const index = Math.floor(now / window);
    if (index !== currentIndex) { currentIndex = index; count = 0; }
    if (count < limit) { count += 1; return true; }
    return false;
  };
}

function slidingCounter(limit, window) {
  const counts = new Map();
  const estimate = (now) => {
    const index = Math.floor(now / window);
    const elapsed = now - index * window;
    const previous = counts.get(index - 1) || 0;
    const current = counts.get(index) || 0;
    return current + (previous * (window - elapsed)) / window;
  };
  return (now) => {
    const index = Math.floor(now / window);
    if (estimate(now) + 1 > limit) return false;
    counts.set(index, (counts.get(index) || 0) + 1);
    for (const old of [...counts.keys()]) if (old < index - 1) counts.delete(old);
    return true;
  };
}

// The queue variant: returns the wait before the request is forwarded, or null when the queue is full.
function leakyBucket(rate, capacity) {
  const departures = [];
  let lastDeparture = -Infinity;
  return (now) => {
    while (departures.length && departures[0] <= now) departures.shift();
    if (departures.length >= capacity) return null;
    const departure = Math.max(now, lastDeparture + 1 / rate);
    lastDeparture = departure;
    if (departure > now) departures.push(departure);
    return departure - now;
  };
}

function slidingLog(limit, window) {
  const log = [];
  return (now) => {
    while (log.length && log[0] <= now - window) log.shift();
    if (log.length < limit) { log.push(now); return true; }
    return false;
  };
}

// Every limiter allows `limit` requests per `window` seconds: the buckets refill or drain at limit/window per
// second and hold `limit`.
export function simulate(params) {
  const times = makeTrace(params);
  const rate = params.limit / params.window;
  const start = times.length ? times[0] : 0;
  const allow = {
    token: tokenBucket(rate, params.limit, start),
    fixed: fixedWindow(params.limit, params.window),
    log: slidingLog(params.limit, params.window),
    counter: slidingCounter(params.limit, params.window),
  };
  const admitLeaky = leakyBucket(rate, params.limit);
  const decisions = { token: [], leaky: [], fixed: [], log: [], counter: [] };
  const waits = [];
  for (const now of times) {
    for (const key of ["token", "fixed", "log", "counter"]) decisions[key].push(allow[key](now));
    const wait = admitLeaky(now);
    waits.push(wait);
    decisions.leaky.push(wait !== null);
  }
  return { steps: times.length, times, decisions, waits, horizon: 3 * params.window };
}

// Admitted so far by each limiter after the first `cursor` requests.
export function admittedAfter(result, cursor) {
  const counts = {};
  for (const { key } of LIMITERS) counts[key] = result.decisions[key].slice(0, cursor).filter(Boolean).length;
  return counts;
}

// The numbers the page shows after `cursor` steps (the browser tests compare the page with these).
export function summary(result, cursor) {
  const counts = admittedAfter(result, cursor);
  const values = { requests: cursor };
  for (const { key } of LIMITERS) {
    values[`${key}-admitted`] = counts[key];
    values[`${key}-denied`] = cursor - counts[key];
  }
  return values;
}
