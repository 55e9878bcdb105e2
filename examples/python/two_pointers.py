"""Two pointers over sorted data, three backend shapes.

- intersect: the AND of two sorted posting lists (a search engine's "error AND timeout"). O(a + b) time,
  O(1) space besides the output.
- busiest_window: the most events in any `width`-second window, from sorted timestamps. O(n) time, O(1) space.
- longest_with_at_most_k_distinct: the longest run of log lines touching at most k distinct hosts
  (a variable-size window that grows on the right and shrinks on the left). O(n) time, O(k) space.
"""

from collections import Counter


def intersect(a: list[int], b: list[int]) -> list[int]:
    i = j = 0
    out: list[int] = []
    while i < len(a) and j < len(b):
        if a[i] == b[j]:
            out.append(a[i])
            i, j = i + 1, j + 1
        elif a[i] < b[j]:
            i += 1  # a[i] is smaller than everything left in b: it cannot match
        else:
            j += 1
    return out


def busiest_window(timestamps: list[int], width: int) -> int:
    """Max number of events within any half-open window [t, t + width). timestamps: sorted, integer ms."""
    best = left = 0
    for right, t in enumerate(timestamps):
        while timestamps[left] <= t - width:  # drop events that fell out of the window ending at t
            left += 1
        best = max(best, right - left + 1)
    return best


def longest_with_at_most_k_distinct(items: list[str], k: int) -> int:
    counts: Counter[str] = Counter()
    best = left = 0
    for right, item in enumerate(items):
        counts[item] += 1
        while len(counts) > k:
            counts[items[left]] -= 1
            if counts[items[left]] == 0:
                del counts[items[left]]
            left += 1
        best = max(best, right - left + 1)
    return best


if __name__ == "__main__":
    error_docs = [2, 5, 9, 14, 21, 30]
    timeout_docs = [1, 5, 14, 15, 30, 40]
    assert intersect(error_docs, timeout_docs) == [5, 14, 30]
    assert intersect([], timeout_docs) == [] and intersect([1, 2], [3, 4]) == []

    # integer milliseconds, as in most logs: float seconds make "exactly 100 ms apart" unreliable
    ts = [0, 500, 900, 1000, 1200, 3000, 3100, 3200, 3300, 3400, 9000]
    assert busiest_window(ts, 1000) == 5  # 3000 .. 3400
    assert busiest_window(ts, 500) == 5
    assert busiest_window(ts, 100) == 1  # [3000, 3100) holds only 3000: the window is half-open
    assert busiest_window([], 1000) == 0
    assert busiest_window([5, 5, 5], 1) == 3  # ties: identical timestamps

    hosts = ["a", "b", "a", "c", "c", "c", "b", "b", "d"]
    assert longest_with_at_most_k_distinct(hosts, 2) == 5  # c c c b b
    assert longest_with_at_most_k_distinct(hosts, 1) == 3
    assert longest_with_at_most_k_distinct(hosts, 10) == len(hosts)
    assert longest_with_at_most_k_distinct([], 2) == 0
    assert longest_with_at_most_k_distinct(hosts, 0) == 0

    # randomized, against brute force: set intersection (and a multiset one, for lists with duplicates),
    # counting every window that starts at an event, and trying every sub-list
    import random

    rng = random.Random(29)
    for _ in range(500):
        a = sorted(rng.sample(range(40), rng.randint(0, 15)))
        b = sorted(rng.sample(range(40), rng.randint(0, 15)))
        assert intersect(a, b) == sorted(set(a) & set(b))
        a_dup = sorted(rng.choices(range(10), k=rng.randint(0, 12)))
        b_dup = sorted(rng.choices(range(10), k=rng.randint(0, 12)))
        assert intersect(a_dup, b_dup) == sorted((Counter(a_dup) & Counter(b_dup)).elements())

        stamps = sorted(rng.choices(range(0, 3000, 50), k=rng.randint(0, 20)))
        width = rng.choice([1, 50, 100, 250, 1000])
        # a busiest window can always be slid right until it starts at an event
        assert busiest_window(stamps, width) == max(
            (sum(t <= x < t + width for x in stamps) for t in stamps), default=0
        )

        items = rng.choices("abcd", k=rng.randint(0, 12))
        k = rng.randint(0, 4)
        subs = (items[i:j] for i in range(len(items)) for j in range(i + 1, len(items) + 1))
        assert longest_with_at_most_k_distinct(items, k) == max((len(s) for s in subs if len(set(s)) <= k), default=0)
    print("busiest 1 s window:", busiest_window(ts, 1000), "events")
