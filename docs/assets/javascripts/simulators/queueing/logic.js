// A FIFO queue in front of a pool of workers, with an optional limit on waiting requests: the logic of the
// queueing simulator, with no DOM access. It mirrors examples/python/queueing.py (trace, run_queue, littles_law)
// on the same millisecond grid; the parity test in tests/simulators feeds both the same traces and requires the
// same start and finish for every request and the same L, lambda and W.
import { integer, seeded } from "../lib/random.js";

export const SCHEMA = {
  rate: { label: "Arrivals per second (λ)", type: "number", min: 1, max: 1000, step: 1, value: 120 },
  service: { label: "Service time, mean (ms)", type: "number", min: 1, max: 2000, step: 1, value: 10 },
  workers: { label: "Workers", type: "number", min: 1, max: 200, step: 1, value: 1 },
  limit: { label: "Queue limit (waiting; 0 = none)", type: "number", min: 0, max: 10000, step: 1, value: 0 },
  seed: { label: "Seed", type: "number", min: 1, max: 9999, step: 1, value: 2 },
};

export const PRESETS = {
  stable: { label: "Below capacity (ρ = 0.8)", params: { rate: 80, service: 10, workers: 1, limit: 0, seed: 2 } },
  over: { label: "Overload, unbounded queue", params: { rate: 120, service: 10, workers: 1, limit: 0, seed: 2 } },
  bounded: { label: "Overload, queue limit 50", params: { rate: 120, service: 10, workers: 1, limit: 50, seed: 2 } },
  fast: { label: "Pool of 20, 50 ms calls", params: { rate: 100, service: 50, workers: 20, limit: 100, seed: 2 } },
  slow: { label: "Pool of 20, 500 ms calls", params: { rate: 100, service: 500, workers: 20, limit: 100, seed: 2 } },
};

export const SECONDS = 60; // traffic arrives for a minute; the run lasts until the last request leaves

// The example's trace(): an arrival in each millisecond with probability rate / 1000, service uniform 1..2m-1.
export function makeTrace({ rate, service, seed }) {
  const next = seeded(seed);
  const arrivals = [];
  for (let now = 0; now < SECONDS * 1000; now += 1) {
    if (next() * 1000 < rate) arrivals.push([now, integer(next, 1, 2 * service - 1)]);
  }
  return arrivals;
}

// The example's run_queue(): [arrival, service, start, finish], start and finish null when rejected.
export function runQueue(arrivals, workers, limit) {
  const freeAt = new Array(workers).fill(0);
  const starts = [];
  let firstWaiting = 0;
  return arrivals.map(([arrival, service]) => {
    while (firstWaiting < starts.length && starts[firstWaiting] <= arrival) firstWaiting += 1;
    let soonest = 0;
    for (let w = 1; w < workers; w += 1) if (freeAt[w] < freeAt[soonest]) soonest = w;
    const start = Math.max(arrival, freeAt[soonest]);
    if (start > arrival && limit > 0 && starts.length - firstWaiting >= limit) return [arrival, service, null, null];
    freeAt[soonest] = start + service;
    starts.push(start);
    return [arrival, service, start, start + service];
  });
}

// The example's littles_law(): L by integrating the number in the system, lambda per second, W in seconds.
export function littlesLaw(requests) {
  const served = requests.filter((r) => r[2] !== null);
  if (!served.length) return { L: 0, lambda: 0, W: 0 };
  const end = Math.max(...served.map((r) => r[3]));
  const changes = served.flatMap((r) => [[r[0], 1], [r[3], -1]]).sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  let area = 0;
  let inSystem = 0;
  let last = 0;
  for (const [time, change] of changes) {
    area += inSystem * (time - last);
    inSystem += change;
    last = time;
  }
  const sojourn = served.reduce((total, r) => total + r[3] - r[0], 0);
  return { L: area / end, lambda: (served.length * 1000) / end, W: sojourn / served.length / 1000 };
}

export function simulate(params) {
  const requests = runQueue(makeTrace(params), params.workers, params.limit);
  return { steps: SECONDS, requests, law: littlesLaw(requests), utilisation: (params.rate * params.service) / (1000 * params.workers) };
}

// The state at `second` s: arrived and rejected so far, in the system and waiting, and the mean time in the
// system of the requests that arrived during the second before.
export function at(result, second) {
  const t = second * 1000;
  let arrived = 0;
  let rejected = 0;
  let inSystem = 0;
  let waiting = 0;
  let recent = 0;
  let recentTime = 0;
  for (const [arrival, , start, finish] of result.requests) {
    if (arrival >= t) break;
    arrived += 1;
    if (start === null) { rejected += 1; continue; }
    if (finish > t) inSystem += 1;
    if (start > t) waiting += 1;
    if (arrival >= t - 1000) { recent += 1; recentTime += finish - arrival; }
  }
  return { arrived, rejected, inSystem, waiting, latency: recent ? recentTime / recent : 0 };
}

export function summary(result, cursor) {
  const now = at(result, cursor);
  const { L, lambda, W } = result.law;
  return {
    seconds: cursor,
    utilisation: result.utilisation.toFixed(2),
    arrived: now.arrived,
    rejected: now.rejected,
    "in-system": now.inSystem,
    waiting: now.waiting,
    latency: now.latency.toFixed(1),
    L: L.toFixed(2),
    lambda: lambda.toFixed(2),
    W: W.toFixed(3),
    "lambda-W": (lambda * W).toFixed(2),
  };
}
