"""Percentiles vs the mean on skewed latencies, and why percentiles from several hosts cannot be averaged.

- `percentile` is the nearest-rank definition: the smallest value such that at least p% of the sample is
  less than or equal to it (rank = ceil(p/100 x n), 1-based).
- Averaging the p99 of two hosts gives a number that is not the p99 of their combined traffic, and it can be
  wrong in either direction, because it ignores how many requests each host served.
- Histogram bucket counts, unlike percentiles, can be added across hosts; a quantile is then estimated from the
  merged buckets by linear interpolation inside the bucket, as Prometheus' histogram_quantile() does.
Standard library only.
"""

from __future__ import annotations

import math


def percentile(values: list[float], p: float) -> float:
    """Nearest-rank percentile, 0 < p <= 100."""
    ordered = sorted(values)
    rank = math.ceil(p / 100 * len(ordered))
    return ordered[rank - 1]


def mean(values: list[float]) -> float:
    return sum(values) / len(values)


# A skewed sample: 1,000 requests, 98% served in 20-39 ms, 2% stuck behind a slow dependency at ~2 s.
fast = [20 + i % 20 for i in range(980)]  # 20, 21, ..., 39 ms, 49 times each
slow = [2000 + 10 * i for i in range(20)]  # 2000, 2010, ..., 2190 ms
latencies = fast + slow

assert percentile(latencies, 50) == 30  # the median user waits 30 ms
assert percentile(latencies, 95) == 39  # 95% of users wait at most 39 ms
assert percentile(latencies, 99) == 2090  # but 1 request in 100 waits over 2 s
assert round(mean(latencies), 1) == 70.8  # the mean is a latency that almost no request had
assert sum(1 for v in latencies if 50 < v < 2000) == 0  # nobody is between 50 ms and 2 s, yet the mean is 71 ms

# The mean also hides a regression that the tail shows: the slow requests double to ~4 s,
# the mean moves by about 40 ms (it looks like noise), the p99 doubles.
regressed = fast + [2 * v for v in slow]
assert percentile(regressed, 99) == 2 * percentile(latencies, 99)
assert mean(regressed) - mean(latencies) < 45

# Averaging percentiles across hosts. Host A serves 1,000 requests, all fast; host B serves 100 requests,
# 10 of them slow. B's p99 is slow, A's is fast, and their average (505 ms) describes nobody.
host_a = [10.0] * 1000
host_b = [10.0] * 90 + [1000.0] * 10
avg_of_p99s = (percentile(host_a, 99) + percentile(host_b, 99)) / 2
true_p99 = percentile(host_a + host_b, 99)
assert avg_of_p99s == 505.0
assert true_p99 == 10.0  # 10 slow requests out of 1,100 is 0.9%: under 1%, so the p99 is fast

# The error can go the other way: the busy host is the slow one. Host C: 10,000 requests, 2% slow;
# host D: 100 requests, all fast. The average of the p99s (505 ms) understates the real p99 (1 s).
host_c = [10.0] * 9800 + [1000.0] * 200
host_d = [10.0] * 100
avg_of_p99s = (percentile(host_c, 99) + percentile(host_d, 99)) / 2
true_p99 = percentile(host_c + host_d, 99)
assert avg_of_p99s == 505.0
assert true_p99 == 1000.0

# Histograms merge correctly: add the per-bucket counts of every host, then estimate the quantile.
BOUNDS = [25, 50, 100, 250, 500, 1000, 2500, math.inf]  # upper bounds ("le") in ms


def bucket_counts(values: list[float]) -> list[int]:
    """Non-cumulative count per bucket: a value goes in the first bucket whose upper bound is >= it."""
    counts = [0] * len(BOUNDS)
    for v in values:
        counts[next(i for i, bound in enumerate(BOUNDS) if v <= bound)] += 1
    return counts


def histogram_quantile(q: float, counts: list[int]) -> float:
    """Estimate the q-quantile (0 < q < 1) from bucket counts, interpolating linearly inside the bucket."""
    rank = q * sum(counts)
    below = 0
    for i, count in enumerate(counts):
        if below + count >= rank:
            if BOUNDS[i] == math.inf:  # like Prometheus: return the highest finite bound
                return BOUNDS[i - 1]
            lower = BOUNDS[i - 1] if i > 0 else 0
            return lower + (BOUNDS[i] - lower) * (rank - below) / count
        below += count
    raise ValueError("empty histogram")


merged = [a + b for a, b in zip(bucket_counts(host_c), bucket_counts(host_d), strict=True)]
assert merged == bucket_counts(host_c + host_d)  # adding buckets loses nothing
estimate = histogram_quantile(0.99, merged)
assert 500 < estimate <= 1000  # within the bucket that holds the true p99 (1,000 ms), not 505 ms
# 500 + 500 x (9,999 - 9,900) / 200: the precision is the bucket's width, so choose bounds around your SLO.
assert abs(estimate - 747.5) < 1e-6

print("percentiles: all checks passed")
