"""Cache stampede in 100 ms ticks: hot keys written together expire together, and every request that misses
before the value is reloaded goes to the origin. Four protections: none, request coalescing (one load per key,
the other requests wait for it), jittered TTLs (each write expires at a random point within +/-20% of the TTL),
and stale-while-revalidate (serve the expired value while one background load refreshes it). The simulator on
the page runs the same rules in JavaScript, and the tests compare the two second by second.
"""

import random

TICKS_PER_SECOND = 10  # 100 ms ticks
JITTER_PERCENT = 20


class Cache:
    def __init__(self, keys: int, ttl_s: int, load_ms: int, protection: str, draw=None) -> None:
        self.keys, self.protection = keys, protection
        self.ttl = ttl_s * TICKS_PER_SECOND
        self.load = load_ms * TICKS_PER_SECOND // 1000
        self.low, self.high = self.ttl * (100 - JITTER_PERCENT) // 100, self.ttl * (100 + JITTER_PERCENT) // 100
        self.draw = draw or random.Random(1).randint  # (low, high) -> a whole number of ticks in that range
        self.now = 0
        self.expires = [self.expiry() for _ in range(keys)]  # warmed up together at time 0
        self.loading: list[list[int]] = [[] for _ in range(keys)]  # finish ticks of loads in flight
        self.next_key = 0
        self.counts = {"requests": 0, "hits": 0, "stale": 0, "waited": 0, "origin": 0}

    def expiry(self) -> int:
        return self.now + (self.draw(self.low, self.high) if self.protection == "jitter" else self.ttl)

    def tick(self, requests: int) -> None:
        for key in range(self.keys):  # loads finishing now write the value once
            if self.now in self.loading[key]:
                self.loading[key] = [t for t in self.loading[key] if t != self.now]
                self.expires[key] = self.expiry()
        for _ in range(requests):  # spread evenly over the keys
            key, self.next_key = self.next_key, (self.next_key + 1) % self.keys
            self.request(key)
        self.now += 1

    def request(self, key: int) -> None:
        self.counts["requests"] += 1
        if self.now < self.expires[key]:
            self.counts["hits"] += 1
            return
        busy = bool(self.loading[key])
        if self.protection == "swr":
            self.counts["stale"] += 1  # the old value, while one load refreshes it
        elif self.protection == "coalesce" and busy:
            self.counts["waited"] += 1  # waits for the load already in flight
        if self.protection in ("none", "jitter") or not busy:
            self.counts["origin"] += 1
            self.loading[key].append(self.now + self.load)


def run(seconds: int, rps: int, **cache) -> list[dict]:
    """Counts per second."""
    c = Cache(**cache)
    per_second = []
    for _ in range(seconds):
        before = dict(c.counts)
        for _ in range(TICKS_PER_SECOND):
            c.tick(rps // TICKS_PER_SECOND)
        per_second.append({k: c.counts[k] - before[k] for k in c.counts})
    return per_second


if __name__ == "__main__":
    setup = {"keys": 20, "ttl_s": 10, "load_ms": 200}
    # No protection: all 20 keys expire at 10 s; for the 200 ms the reload takes, every request misses.
    # 2,000 requests a second is 200 a tick; two ticks of misses: 400 origin queries in that second.
    none = run(30, 2000, protection="none", **setup)
    assert [s["origin"] for s in none[:12]] == [0] * 10 + [400, 0]
    # Coalescing: one load per key, 20 queries; the other 380 requests wait 100 or 200 ms.
    coalesce = run(30, 2000, protection="coalesce", **setup)
    assert coalesce[10]["origin"] == 20 and coalesce[10]["waited"] == 380
    # Stale-while-revalidate: the same 20 queries and no request waits or misses.
    swr = run(30, 2000, protection="swr", **setup)
    assert swr[10]["origin"] == 20 and all(s["hits"] + s["stale"] == s["requests"] for s in swr)
    # Jitter: the expiries spread over 8-12 s, so no second sees all 400; and the waves keep spreading.
    jitter = run(30, 2000, protection="jitter", **setup)
    assert max(s["origin"] for s in jitter) < 400 and sum(s["origin"] for s in jitter[:13]) == 400
    print("cache stampede: origin load per second as expected for each protection")
