// A circuit breaker in front of a dependency whose failure rate rises during an incident: the logic of the
// circuit-breaker simulator, with no DOM access. The breaker follows examples/python/circuit_breaker.py rule for
// rule (count-based window, minimum number of calls, wait in open, a fixed number of half-open trials); the
// parity test in tests/simulators drives that class with the same calls and requires the same outcome and state
// after every call.
import { integer, seeded } from "../lib/random.js";

export const SCHEMA = {
  failure: { label: "Failure rate during the incident (%)", type: "number", min: 0, max: 100, step: 5, value: 100 },
  incident: { label: "Incident length (s, from t = 10 s)", type: "number", min: 0, max: 80, step: 1, value: 30 },
  rate: { label: "Calls per second", type: "number", min: 1, max: 20, step: 1, value: 5 },
  threshold: { label: "Failure rate threshold (%)", type: "number", min: 5, max: 100, step: 5, value: 50 },
  window: { label: "Window (last N calls)", type: "number", min: 1, max: 50, step: 1, value: 10 },
  minimum: { label: "Minimum calls", type: "number", min: 1, max: 50, step: 1, value: 5 },
  wait: { label: "Wait in open (s)", type: "number", min: 1, max: 60, step: 1, value: 10 },
  trials: { label: "Half-open trial calls", type: "number", min: 1, max: 10, step: 1, value: 3 },
  seed: { label: "Seed", type: "number", min: 1, max: 9999, step: 1, value: 4 },
};

const SETTINGS = { threshold: 50, window: 10, minimum: 5, wait: 10, trials: 3, seed: 4 };
export const PRESETS = {
  outage: { label: "Outage (100% failures)", params: { ...SETTINGS, failure: 100, incident: 30, rate: 5 } },
  partial: { label: "Partial failure (60%)", params: { ...SETTINGS, failure: 60, incident: 50, rate: 5 } },
  noise: { label: "20% failures, window of 10", params: { ...SETTINGS, failure: 20, incident: 70, rate: 5 } },
  wide: { label: "20% failures, window of 50", params: { ...SETTINGS, failure: 20, incident: 70, rate: 5, window: 50, minimum: 20 } },
};

export const HORIZON = 90; // seconds
export const INCIDENT_START = 10;
export const STATES = ["closed", "open", "half-open"];

// The example's CircuitBreaker, call for call. Calls are sequential: each finishes before the next starts.
function breaker({ threshold, window, minimum, wait, trials: trialCalls }) {
  let state = "closed";
  let outcomes = []; // the count-based window, true = failure
  let trials = [];
  let permits = 0;
  let openedAt = 0;
  const rate = (list) => (100 * list.filter(Boolean).length) / list.length;
  const open = (now) => { state = "open"; openedAt = now; };
  return {
    get state() { return state; },
    acquire(now) {
      if (state === "open") {
        if (now - openedAt < wait) return false;
        state = "half-open";
        trials = [];
        permits = 0;
      }
      if (state === "half-open") {
        if (permits >= trialCalls) return false;
        permits += 1;
      }
      return true;
    },
    record(now, failed) {
      if (state === "half-open") {
        trials.push(failed);
        if (trials.length === trialCalls) {
          if (rate(trials) >= threshold) open(now);
          else { state = "closed"; outcomes = []; }
        }
        return;
      }
      outcomes.push(failed);
      if (outcomes.length > window) outcomes.shift();
      if (outcomes.length >= minimum && rate(outcomes) >= threshold) open(now);
    },
  };
}

// Call k arrives at k / rate seconds; during the incident it fails with the given probability (one draw per call,
// made whether or not the breaker lets it through, so the dependency's behaviour does not depend on the breaker).
export function makeCalls({ failure, incident, rate, seed }) {
  const next = seeded(seed);
  const calls = [];
  for (let k = 0; k / rate < HORIZON; k += 1) {
    const time = k / rate;
    const draw = integer(next, 0, 99);
    const during = time >= INCIDENT_START && time < INCIDENT_START + incident;
    calls.push({ time, fails: during && draw < failure });
  }
  return calls;
}

export function simulate(params) {
  const calls = makeCalls(params);
  const b = breaker(params);
  const outcomes = [];
  const states = [];
  const transitions = [];
  let before = b.state;
  const note = (time) => {
    if (b.state !== before) transitions.push({ time, from: before, to: b.state });
    before = b.state;
  };
  for (const call of calls) {
    let outcome = "rejected";
    const permitted = b.acquire(call.time);
    note(call.time); // the first call after the wait turns open into half-open, then its outcome may move it on
    if (permitted) {
      outcome = call.fails ? "failed" : "ok";
      b.record(call.time, call.fails);
      note(call.time);
    }
    outcomes.push(outcome);
    states.push(b.state);
  }
  return { steps: HORIZON, times: calls.map((c) => c.time), outcomes, states, transitions, incident: [INCIDENT_START, INCIDENT_START + params.incident] };
}

// How many of the calls arrived before `cursor` seconds.
export function callsBefore(result, cursor) {
  let n = 0;
  while (n < result.times.length && result.times[n] < cursor) n += 1;
  return n;
}

export function summary(result, cursor) {
  const n = callsBefore(result, cursor);
  const count = (kind) => result.outcomes.slice(0, n).filter((o) => o === kind).length;
  return {
    seconds: cursor,
    calls: n,
    ok: count("ok"),
    failed: count("failed"),
    rejected: count("rejected"),
    state: n ? result.states[n - 1] : "closed",
    opened: result.transitions.filter((t) => t.time < cursor && t.to === "open").length,
  };
}
