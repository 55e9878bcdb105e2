"""A merging t-digest (Dunning and Ertl, 2019): percentiles of a stream in about a hundred centroids.

- The digest keeps centroids (mean, weight) sorted by mean. A scale function k(q) = delta / (2 pi) * asin(2q - 1)
  limits each centroid to one unit of k: centroids near the median may hold many points, centroids near q = 0
  and q = 1 hold very few, so the tails (p99, p99.9) stay accurate.
- Points are buffered and merged in one sorted pass; two digests merge the same way, so per-host digests can be
  combined into a fleet-wide p99, which averaging per-host percentiles cannot do (see percentiles.py).
- There is no hard error bound; the error in rank is roughly proportional to q(1 - q) / delta, measured below
  against the exact percentiles of seeded data.
Standard library only.
"""

from __future__ import annotations

import bisect
import math
import random


class TDigest:
    def __init__(self, delta: float = 100):
        self.delta = delta
        self.centroids: list[tuple[float, float]] = []  # (mean, weight), sorted by mean
        self.buffer: list[float] = []
        self.min, self.max = math.inf, -math.inf

    def _k(self, q: float) -> float:
        return self.delta / (2 * math.pi) * math.asin(2 * q - 1)

    def _k_inverse(self, k: float) -> float:
        return (math.sin(k * 2 * math.pi / self.delta) + 1) / 2

    def add(self, x: float) -> None:
        self.buffer.append(x)
        self.min, self.max = min(self.min, x), max(self.max, x)
        if len(self.buffer) >= 5 * self.delta:
            self._compress()

    def merge(self, other: TDigest) -> TDigest:
        out = TDigest(self.delta)
        out.centroids = self.centroids + other.centroids + [(x, 1.0) for x in self.buffer + other.buffer]
        out.min, out.max = min(self.min, other.min), max(self.max, other.max)
        out._compress()
        return out

    def _compress(self) -> None:
        items = sorted(self.centroids + [(x, 1.0) for x in self.buffer])
        self.buffer = []
        total = sum(w for _, w in items)
        merged, q0 = [], 0.0
        q_limit = self._k_inverse(self._k(q0) + 1)
        mean, weight = items[0]
        for m, w in items[1:]:
            if q0 + (weight + w) / total <= q_limit:
                weight += w
                mean += (m - mean) * w / weight  # running weighted mean
            else:
                merged.append((mean, weight))
                q0 += weight / total
                q_limit = self._k_inverse(self._k(q0) + 1)
                mean, weight = m, w
        merged.append((mean, weight))
        self.centroids = merged

    def quantile(self, q: float) -> float:
        if self.buffer:
            self._compress()
        total = sum(w for _, w in self.centroids)
        target = q * total
        # Each centroid's mean sits at the middle of its weight; interpolate between neighbouring middles.
        middles, cumulative = [], 0.0
        for _, w in self.centroids:
            middles.append(cumulative + w / 2)
            cumulative += w
        means = [m for m, _ in self.centroids]
        if target <= middles[0]:
            return self.min + (means[0] - self.min) * target / middles[0]
        if target >= middles[-1]:
            return means[-1] + (self.max - means[-1]) * (target - middles[-1]) / (total - middles[-1])
        i = bisect.bisect_right(middles, target) - 1
        frac = (target - middles[i]) / (middles[i + 1] - middles[i])
        return means[i] + frac * (means[i + 1] - means[i])


def exact_quantile(ordered: list[float], q: float) -> float:
    return ordered[max(0, math.ceil(q * len(ordered)) - 1)]  # nearest rank


def rank_error(ordered: list[float], estimate: float, q: float) -> float:
    return abs(bisect.bisect_right(ordered, estimate) / len(ordered) - q)


# 100,000 seeded request latencies, log-normal (median about 20 ms, a long tail), spread over 4 hosts.
rng = random.Random(42)
latencies = [rng.lognormvariate(3.0, 1.0) for _ in range(100_000)]
ordered = sorted(latencies)

hosts = [TDigest(delta=100) for _ in range(4)]
for i, x in enumerate(latencies):
    hosts[i % 4].add(x)
fleet = hosts[0].merge(hosts[1]).merge(hosts[2]).merge(hosts[3])

assert len(fleet.centroids) <= 100  # the whole distribution in at most delta centroids
results = {}
for q in (0.5, 0.9, 0.99, 0.999):
    est, true = fleet.quantile(q), exact_quantile(ordered, q)
    results[q] = (est, true, rank_error(ordered, est, q))

# Rank error is small everywhere and smallest in the tails, where the centroids are smallest.
assert results[0.5][2] < 0.005  # the estimate's rank is within 0.5 percentage points of the median
assert results[0.99][2] < 0.001  # within 0.1 point of p99
assert results[0.999][2] < 0.0002  # within 0.02 point of p99.9
assert all(abs(est / true - 1) < 0.03 for est, true, _ in results.values())  # values within 3%

for q, (est, true, err) in results.items():
    print(f"p{q * 100:g}: t-digest {est:8.2f} ms, exact {true:8.2f} ms, rank error {err:.4%}")
print(f"{len(fleet.centroids)} centroids for {len(latencies):,} values")
