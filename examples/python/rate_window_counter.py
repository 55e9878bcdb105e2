"""Count events in the last W seconds of a stream, three ways, with the clock passed in (testable).

- SlidingLog: keep every timestamp in a deque. Exact; O(1) amortised per event; memory O(events in window).
- BucketedCounter: a ring of W one-second buckets. O(1) per event; memory O(W) whatever the rate; exact
  to the bucket (an event counts for W whole seconds, so the window edge is 1 s coarse).
- SlidingWindowCounter: two fixed windows, previous weighted by how much of it still overlaps. O(1) memory;
  an estimate that assumes events were spread evenly over the previous window.
"""

from collections import deque


class SlidingLog:
    def __init__(self, window: float) -> None:
        self.window = window
        self.times: deque[float] = deque()

    def hit(self, now: float) -> None:
        self.times.append(now)

    def count(self, now: float) -> int:
        while self.times and self.times[0] <= now - self.window:
            self.times.popleft()
        return len(self.times)


class BucketedCounter:
    def __init__(self, window_s: int) -> None:
        self.window = window_s
        self.counts = [0] * window_s
        self.stamps = [-1] * window_s  # which second each bucket currently holds

    def hit(self, now: float, n: int = 1) -> None:
        sec = int(now)
        slot = sec % self.window
        if self.stamps[slot] != sec:  # the bucket holds an old second: recycle it
            self.stamps[slot], self.counts[slot] = sec, 0
        self.counts[slot] += n

    def count(self, now: float) -> int:
        sec = int(now)
        return sum(c for c, s in zip(self.counts, self.stamps, strict=True) if sec - self.window < s <= sec)


class SlidingWindowCounter:
    def __init__(self, window_s: int) -> None:
        self.window = window_s
        self.current_start = 0
        self.current = 0
        self.previous = 0

    def _roll(self, now: float) -> None:
        start = int(now) // self.window * self.window
        if start == self.current_start:
            return
        self.previous = self.current if start - self.current_start == self.window else 0
        self.current, self.current_start = 0, start

    def hit(self, now: float) -> None:
        self._roll(now)
        self.current += 1

    def estimate(self, now: float) -> float:
        self._roll(now)
        elapsed = (now - self.current_start) / self.window
        return self.previous * (1 - elapsed) + self.current


if __name__ == "__main__":
    log, buckets, swc = SlidingLog(60), BucketedCounter(60), SlidingWindowCounter(60)
    # 100 requests at t = 0..9.9 s, then 50 at t = 70..74.9 s
    events = [i / 10 for i in range(100)] + [70 + i / 10 for i in range(50)]
    for t in events:
        log.hit(t)
        buckets.hit(t)
        swc.hit(t)
    # count() at 75 s: the window (15, 75] holds only the 50 recent requests
    assert log.count(75.0) == 50
    assert buckets.count(75.0) == 50
    # the estimate: previous window [0, 60) had 100, we are 15/60 into [60, 120): 100 * 0.75 + 50 = 125
    estimate = swc.estimate(75.0)
    assert estimate == 125.0  # over-estimates here: the 100 were bunched at the start

    # empty stream and a long idle gap
    assert SlidingLog(60).count(1000.0) == 0 and BucketedCounter(60).count(1000.0) == 0
    assert SlidingWindowCounter(60).estimate(1000.0) == 0
    assert swc.estimate(500.0) == 0  # previous window is no longer adjacent: it counts for nothing

    # the window edge: an event exactly W seconds old has left the log's window
    edge = SlidingLog(10)
    edge.hit(0.0)
    assert edge.count(9.999) == 1 and edge.count(10.0) == 0

    # randomized, against counting the timestamps directly: random event streams (bursts, gaps longer than the
    # window, several events at one instant) with count queries in between. Times are multiples of 1/4 s, so
    # the float arithmetic is exact. Reference answers:
    #   SlidingLog: events with now - W < t <= now
    #   BucketedCounter: events whose whole second lies in (now - W, now]
    #   SlidingWindowCounter: previous fixed window's count x the share of it still overlapping, + current count
    import random

    rng = random.Random(23)
    for _ in range(300):
        w = rng.randint(1, 10)
        counters = SlidingLog(w), BucketedCounter(w), SlidingWindowCounter(w)
        now, hits = 0.0, []
        for _ in range(rng.randint(0, 80)):
            now += rng.choice([0, 0, 0.25, 0.5, 1, 2.75, rng.randint(0, 3 * w)])
            if rng.random() < 0.6:
                hits.append(now)
                for counter in counters:
                    counter.hit(now)
                continue
            sec, start = int(now), int(now) // w * w
            assert counters[0].count(now) == sum(now - w < t <= now for t in hits)
            assert counters[1].count(now) == sum(sec - w < int(t) <= sec for t in hits)
            previous = sum(int(t) // w * w == start - w for t in hits)
            current = sum(int(t) // w * w == start for t in hits)
            assert counters[2].estimate(now) == previous * (1 - (now - start) / w) + current
    print("last 60 s at t=75:", log.count(75.0), "exact,", estimate, "estimated")
