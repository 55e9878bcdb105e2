"""Running median of a stream with two heaps: "the median response time so far, after every request".

`low` is a max-heap (stored negated, since heapq is a min-heap) holding the smaller half; `high` is a
min-heap holding the larger half; `low` may have one extra element. add is O(log n), median is O(1),
space O(n). For percentiles of unbounded streams, production systems use sketches (t-digest, HDR histogram).
"""

import heapq


class RunningMedian:
    def __init__(self) -> None:
        self.low: list[float] = []  # negated values: -low[0] is the largest of the small half
        self.high: list[float] = []  # high[0] is the smallest of the large half

    def add(self, x: float) -> None:
        if self.low and x > -self.low[0]:
            heapq.heappush(self.high, x)
        else:
            heapq.heappush(self.low, -x)
        # rebalance so that len(low) is len(high) or len(high) + 1
        if len(self.low) > len(self.high) + 1:
            heapq.heappush(self.high, -heapq.heappop(self.low))
        elif len(self.high) > len(self.low):
            heapq.heappush(self.low, -heapq.heappop(self.high))

    def median(self) -> float:
        if not self.low:
            raise ValueError("median of an empty stream")
        if len(self.low) > len(self.high):
            return float(-self.low[0])
        return (-self.low[0] + self.high[0]) / 2


if __name__ == "__main__":
    rm = RunningMedian()
    latencies = [120, 80, 95, 400, 60, 95, 3000]
    medians = []
    for x in latencies:
        rm.add(x)
        medians.append(rm.median())
    assert medians == [120, 100, 95, 107.5, 95, 95, 95]
    # one 3,000 ms outlier moves the mean a lot and the median not at all
    assert round(sum(latencies) / len(latencies)) == 550

    # it matches sorting after every insert (the O(n^2 log n) brute force)
    import statistics

    check = RunningMedian()
    data = [(i * 37) % 101 for i in range(500)]
    for i, x in enumerate(data):
        check.add(x)
        assert check.median() == statistics.median(data[: i + 1])

    # edge cases: empty, single value, all equal (ties), negatives
    try:
        RunningMedian().median()
    except ValueError:
        pass
    else:
        raise AssertionError("an empty stream has no median")
    one = RunningMedian()
    one.add(7)
    assert one.median() == 7
    same = RunningMedian()
    for _ in range(4):
        same.add(5)
    assert same.median() == 5 and len(same.low) == len(same.high) == 2
    neg = RunningMedian()
    for x in [-3, -1, -2]:
        neg.add(x)
    assert neg.median() == -2

    # randomized, against statistics.median of every prefix: random streams of ints (ties, negatives) and floats
    import random

    rng = random.Random(37)
    for _ in range(300):
        stream = [rng.choice([rng.randint(-10, 10), rng.uniform(-100, 100)]) for _ in range(rng.randint(1, 40))]
        rm_random = RunningMedian()
        for i, x in enumerate(stream):
            rm_random.add(x)
            assert rm_random.median() == statistics.median(stream[: i + 1])
        assert len(rm_random.high) <= len(rm_random.low) <= len(rm_random.high) + 1
    print("medians:", medians)
