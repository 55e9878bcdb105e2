"""Count-Min sketch: approximate counts for a stream in fixed memory, and heavy hitters from it.

- d rows of w counters; each row has its own pairwise-independent hash ((a*x + b) mod P) mod w. Adding an item
  increments one counter per row; its estimate is the minimum of its d counters (Cormode and Muthukrishnan 2005).
- It never under-counts. With w = ceil(e / epsilon) and d = ceil(ln(1 / delta)), an estimate exceeds the true
  count by more than epsilon * N (N = total of all counts) with probability at most delta.
- Heavy hitters: keep the k items with the largest estimates seen so far in a small candidate set.
Standard library only.
"""

from __future__ import annotations

import math
import random
from collections import Counter

PRIME = (1 << 61) - 1  # a Mersenne prime larger than any item id


class CountMin:
    def __init__(self, epsilon: float, delta: float, seed: int = 0):
        self.width = math.ceil(math.e / epsilon)
        self.depth = math.ceil(math.log(1 / delta))
        rng = random.Random(seed)
        self.hashes = [(rng.randrange(1, PRIME), rng.randrange(PRIME)) for _ in range(self.depth)]
        self.rows = [[0] * self.width for _ in range(self.depth)]
        self.total = 0

    def _cells(self, item: int):
        for row, (a, b) in zip(self.rows, self.hashes, strict=True):
            yield row, ((a * item + b) % PRIME) % self.width

    def add(self, item: int, count: int = 1) -> int:
        self.total += count
        estimate = None
        for row, i in self._cells(item):
            row[i] += count
            estimate = row[i] if estimate is None else min(estimate, row[i])
        return estimate

    def estimate(self, item: int) -> int:
        return min(row[i] for row, i in self._cells(item))


def top_k_stream(stream, sketch: CountMin, k: int) -> list[int]:
    """Heavy hitters in one pass: the k items with the largest estimates, tracked while counting."""
    candidates: dict[int, int] = {}
    for item in stream:
        est = sketch.add(item)
        if item in candidates or len(candidates) < k:
            candidates[item] = est
        else:
            smallest = min(candidates, key=candidates.get)
            if est > candidates[smallest]:
                del candidates[smallest]
                candidates[item] = est
    return sorted(candidates, key=lambda x: -sketch.estimate(x))


# epsilon = 0.1% of the stream, delta = 1%: 2,719 counters in each of 5 rows, 13,595 counters in all.
sketch = CountMin(epsilon=0.001, delta=0.01, seed=1)
assert (sketch.width, sketch.depth) == (2_719, 5)

# A seeded, skewed stream: 200,000 hits on 50,000 product ids, Zipf-like (a few products are very popular).
rng = random.Random(5)
weights = [1 / (rank + 1) for rank in range(50_000)]
stream = rng.choices(range(50_000), weights=weights, k=200_000)
exact = Counter(stream)

top = top_k_stream(stream, sketch, k=10)
n = sketch.total
assert n == 200_000

# Never an under-count, and the epsilon * N bound (200 hits here) fails for at most delta of the items.
overs = [sketch.estimate(x) - c for x, c in exact.items()]
assert min(overs) >= 0
beyond_bound = sum(1 for o in overs if o > 0.001 * n) / len(overs)
assert beyond_bound <= 0.01

# The heavy hitters match the exact top 10: their true counts (thousands) dwarf the error bound.
assert top == [x for x, _ in exact.most_common(10)]

# The same error bound is large relative to a rare item's count: the sketch is for heavy hitters only.
rare = [x for x, c in exact.items() if c == 1]
mean_rare_estimate = sum(sketch.estimate(x) for x in rare) / len(rare)
assert mean_rare_estimate > 2  # an item seen once is estimated at several hits on average

print(
    f"{sketch.depth}x{sketch.width} counters; max over-count {max(overs)} (bound {0.001 * n:.0f}); "
    f"items beyond bound {beyond_bound:.3%}; rare items estimated at {mean_rare_estimate:.1f} on average"
)
