// Cache stampede in 100 ms ticks, reported per second: the logic of the cache-stampede simulator, with no DOM
// access. The rules mirror examples/python/cache_stampede.py (the parity test in tests/simulators draws the same
// jittered TTLs from the seed for both and compares every second's counts).
import { integer, seeded } from "../lib/random.js";

export const TICKS_PER_SECOND = 10;
export const JITTER_PERCENT = 20;
export const SECONDS = 60;

export const SCHEMA = {
  protection: {
    label: "Protection",
    type: "choice",
    options: {
      none: "None",
      coalesce: "Request coalescing",
      jitter: "Jittered TTL (±20%)",
      swr: "Stale-while-revalidate",
    },
    value: "none",
  },
  rps: { label: "Requests per second", type: "number", min: 100, max: 5000, step: 100, value: 2000 },
  keys: { label: "Hot keys (written together)", type: "number", min: 1, max: 50, step: 1, value: 20 },
  ttl: { label: "TTL (seconds)", type: "number", min: 2, max: 30, step: 1, value: 10 },
  load: { label: "Reload time (ms)", type: "number", min: 100, max: 1000, step: 100, value: 200 },
  seed: { label: "Seed (jitter)", type: "number", min: 1, max: 9999, step: 1, value: 7 },
};

const base = { rps: 2000, keys: 20, ttl: 10, load: 200, seed: 7 };
export const PRESETS = {
  none: { label: "No protection", params: { ...base, protection: "none" } },
  hot: { label: "One key, 2,000 reads a second", params: { ...base, keys: 1, protection: "none" } },
  coalesce: { label: "Request coalescing", params: { ...base, protection: "coalesce" } },
  jitter: { label: "Jittered TTL", params: { ...base, protection: "jitter" } },
  swr: { label: "Stale-while-revalidate", params: { ...base, protection: "swr" } },
};

export class Cache {
  constructor({ keys, ttl, load, protection }, draw) {
    this.keys = keys;
    this.protection = protection;
    this.ttl = ttl * TICKS_PER_SECOND;
    this.load = Math.floor((load * TICKS_PER_SECOND) / 1000);
    this.low = Math.floor((this.ttl * (100 - JITTER_PERCENT)) / 100);
    this.high = Math.floor((this.ttl * (100 + JITTER_PERCENT)) / 100);
    this.draw = draw;
    this.now = 0;
    this.expires = [];
    for (let k = 0; k < keys; k += 1) this.expires.push(this.expiry()); // warmed up together at time 0
    this.loading = Array.from({ length: keys }, () => []);
    this.nextKey = 0;
    this.counts = { requests: 0, hits: 0, stale: 0, waited: 0, origin: 0 };
  }

  expiry() {
    return this.now + (this.protection === "jitter" ? this.draw(this.low, this.high) : this.ttl);
  }

  tick(requests) {
    for (let key = 0; key < this.keys; key += 1) {
      if (this.loading[key].includes(this.now)) {
        this.loading[key] = this.loading[key].filter((t) => t !== this.now);
        this.expires[key] = this.expiry();
      }
    }
    for (let i = 0; i < requests; i += 1) {
      const key = this.nextKey;
      this.nextKey = (this.nextKey + 1) % this.keys;
      this.request(key);
    }
    this.now += 1;
  }

  request(key) {
    this.counts.requests += 1;
    if (this.now < this.expires[key]) { this.counts.hits += 1; return; }
    const busy = this.loading[key].length > 0;
    if (this.protection === "swr") this.counts.stale += 1;
    else if (this.protection === "coalesce" && busy) this.counts.waited += 1;
    if (this.protection === "none" || this.protection === "jitter" || !busy) {
      this.counts.origin += 1;
      this.loading[key].push(this.now + this.load);
    }
  }
}

export function simulate(params) {
  const next = seeded(params.seed);
  const cache = new Cache(params, (low, high) => integer(next, low, high));
  const seconds = [];
  for (let s = 0; s < SECONDS; s += 1) {
    const before = { ...cache.counts };
    for (let t = 0; t < TICKS_PER_SECOND; t += 1) cache.tick(Math.floor(params.rps / TICKS_PER_SECOND));
    const counts = {};
    for (const k of Object.keys(cache.counts)) counts[k] = cache.counts[k] - before[k];
    seconds.push(counts);
  }
  return { steps: SECONDS, seconds };
}

// Per mille, floored, as text with one decimal ("97.3%"): integer arithmetic, identical in Python.
export function percent(part, whole) {
  if (!whole) return "–";
  const perMille = Math.floor((part * 1000) / whole);
  return `${Math.floor(perMille / 10)}.${perMille % 10}%`;
}

export function summary(result, cursor) {
  const shown = result.seconds.slice(0, cursor);
  const total = (k) => shown.reduce((sum, s) => sum + s[k], 0);
  return {
    seconds: cursor,
    "origin-queries": total("origin"),
    "origin-peak": shown.reduce((m, s) => Math.max(m, s.origin), 0),
    "hit-ratio": percent(total("hits") + total("stale"), total("requests")),
    waited: total("waited"),
  };
}
