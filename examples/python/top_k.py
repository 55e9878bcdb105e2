"""Top K from a stream with a min-heap of size K: "the 10 slowest endpoints from a log stream".

The heap holds the K best seen so far, with the weakest of them on top; a new item only enters if it beats
that weakest one. O(n log k) time, O(k) space, one pass, so it works on a stream that does not fit in memory.
Sorting everything is O(n log n) time and O(n) space; heapq.nlargest does what this code does.
"""

from __future__ import annotations

import heapq
from collections import Counter
from collections.abc import Iterable


class _Reversed:
    """Wraps a string so that comparisons are reversed: the tie-break for a min-heap of winners."""

    __slots__ = ("s",)

    def __init__(self, s: str) -> None:
        self.s = s

    def __lt__(self, other: _Reversed) -> bool:
        return self.s > other.s

    def __eq__(self, other: object) -> bool:
        return isinstance(other, _Reversed) and self.s == other.s


def top_k(items: Iterable[tuple[str, float]], k: int) -> list[tuple[str, float]]:
    """The k (name, score) pairs with the highest scores, best first. Ties on score: smaller name wins."""
    if k <= 0:
        return []
    heap: list[tuple[float, _Reversed]] = []  # min-heap: heap[0] is the weakest of the current top k
    for name, score in items:
        entry = (score, _Reversed(name))  # among equal scores, the larger name is "weaker" and leaves first
        if len(heap) < k:
            heapq.heappush(heap, entry)
        elif entry > heap[0]:
            heapq.heapreplace(heap, entry)  # pop the weakest and push in one O(log k) step
    return [(r.s, score) for score, r in sorted(heap, reverse=True)]


def top_k_frequent(words: Iterable[str], k: int) -> list[tuple[str, int]]:
    """The k most frequent keys (e.g. client IPs). Counting is O(n) time and O(distinct) space."""
    counts = Counter(words)
    return heapq.nsmallest(k, counts.items(), key=lambda kv: (-kv[1], kv[0]))


if __name__ == "__main__":
    log = [
        ("GET /health", 2),
        ("POST /checkout", 840),
        ("GET /search", 310),
        ("GET /orders", 95),
        ("POST /login", 310),
        ("GET /reports", 1900),
        ("GET /profile", 40),
    ]
    assert top_k(log, 3) == [("GET /reports", 1900), ("POST /checkout", 840), ("GET /search", 310)]
    # the tie at 310 ms is broken by name, whatever the arrival order
    assert top_k(list(reversed(log)), 3) == top_k(log, 3)
    assert top_k(log, 4)[-1] == ("POST /login", 310)
    # it agrees with sorting everything
    assert top_k(log, 5) == sorted(log, key=lambda x: (-x[1], x[0]))[:5]

    assert top_k([], 3) == []  # empty stream
    assert top_k(log, 0) == []
    assert len(top_k(log, 100)) == len(log)  # k larger than n: everything, sorted

    # a stream of a million items never holds more than k in memory
    stream = ((f"req-{i}", (i * 7919) % 1_000_003) for i in range(1_000_000))
    assert [s for _, s in top_k(stream, 3)] == [1_000_002, 1_000_001, 1_000_000]

    ips = ["10.0.0.1"] * 5 + ["10.0.0.2"] * 3 + ["10.0.0.3"] * 3 + ["10.0.0.4"]
    assert top_k_frequent(ips, 2) == [("10.0.0.1", 5), ("10.0.0.2", 3)]
    assert top_k_frequent([], 2) == []

    # randomized, against sorting everything: random names and scores with many ties, k from 0 to beyond n
    import random

    rng = random.Random(31)
    for _ in range(500):
        items = [(rng.choice("abcdefgh") * rng.randint(1, 2), rng.randint(0, 5)) for _ in range(rng.randint(0, 15))]
        k = rng.randint(0, 18)
        assert top_k(items, k) == sorted(items, key=lambda x: (-x[1], x[0]))[:k]
        assert top_k(iter(items), k) == top_k(items, k)  # a one-pass iterator gives the same answer
        words = rng.choices("pqrst", k=rng.randint(0, 20))
        assert top_k_frequent(words, k) == sorted(Counter(words).items(), key=lambda kv: (-kv[1], kv[0]))[:k]
    print("slowest 3:", top_k(log, 3))
