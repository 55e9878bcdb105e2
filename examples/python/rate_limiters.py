"""Three rate limiters with an injectable clock: token bucket, fixed window and sliding window counter.

Each limiter answers `allow()` for one caller; a real service keeps one state per key (in Redis when the
limit must hold across a fleet). The clock is a function returning seconds, so the asserts below can move
time by hand and check burst behaviour exactly. Standard library only.
"""

from __future__ import annotations

from collections.abc import Callable


class TokenBucket:
    """Holds up to `capacity` tokens, refilled continuously at `rate` tokens per second.

    A request spends `cost` tokens or is denied. A full bucket allows a burst of `capacity` at once; after
    that, the long-run rate is `rate`. Refill is computed lazily from the time since the last call, so the
    state is just two numbers: tokens and the time they were last updated.
    """

    def __init__(self, rate: float, capacity: float, clock: Callable[[], float]) -> None:
        self.rate = rate
        self.capacity = capacity
        self.clock = clock
        self.tokens = capacity  # a new caller starts with a full bucket
        self.updated = clock()

    def allow(self, cost: float = 1.0) -> bool:
        now = self.clock()
        self.tokens = min(self.capacity, self.tokens + (now - self.updated) * self.rate)
        self.updated = now
        if self.tokens >= cost:
            self.tokens -= cost
            return True
        return False

    def retry_after(self, cost: float = 1.0) -> float:
        """Seconds until `cost` tokens are available: the value for a Retry-After header."""
        missing = cost - self.tokens
        return max(0.0, missing / self.rate)


class FixedWindow:
    """At most `limit` requests per aligned window of `window` seconds ([0, 60), [60, 120), ...)."""

    def __init__(self, limit: int, window: float, clock: Callable[[], float]) -> None:
        self.limit = limit
        self.window = window
        self.clock = clock
        self.current_index = -1
        self.count = 0

    def allow(self) -> bool:
        index = int(self.clock() // self.window)
        if index != self.current_index:  # a new window starts: the counter resets all at once
            self.current_index = index
            self.count = 0
        if self.count < self.limit:
            self.count += 1
            return True
        return False


class SlidingWindowCounter:
    """Approximates a sliding window from two fixed-window counters.

    estimate = current + previous * (window - elapsed) / window, where `elapsed` is the time since the
    current window started: the previous window's count is weighted by how much of it still overlaps the
    sliding window, assuming its requests were spread evenly. Denied requests are not counted.
    """

    def __init__(self, limit: int, window: float, clock: Callable[[], float]) -> None:
        self.limit = limit
        self.window = window
        self.clock = clock
        self.counts: dict[int, int] = {}

    def estimate(self) -> float:
        now = self.clock()
        index = int(now // self.window)
        elapsed = now - index * self.window
        previous = self.counts.get(index - 1, 0)
        current = self.counts.get(index, 0)
        return current + previous * (self.window - elapsed) / self.window

    def allow(self) -> bool:
        index = int(self.clock() // self.window)
        if self.estimate() + 1 > self.limit:
            return False
        self.counts[index] = self.counts.get(index, 0) + 1
        for old in [i for i in self.counts if i < index - 1]:  # keep two windows at most
            del self.counts[old]
        return True


class FakeClock:
    def __init__(self, now: float = 0.0) -> None:
        self.now = now

    def __call__(self) -> float:
        return self.now


def burst(limiter, n: int) -> int:
    """Send n requests at the same instant; return how many were allowed."""
    return sum(limiter.allow() for _ in range(n))


# Token bucket: 4 tokens/s, capacity 10. A burst of 10 passes at once, the 11th is denied.
# (Times are multiples of 1/8 s so that the float arithmetic is exact.)
clock = FakeClock(1000.0)
bucket = TokenBucket(rate=4, capacity=10, clock=clock)
assert burst(bucket, 11) == 10
assert bucket.retry_after() == 0.25  # one token takes 1/4 s to refill
clock.now += 0.25
assert burst(bucket, 3) == 1  # 0.25 s later exactly one token has been refilled
# An idle caller never banks more than the capacity: after an hour the burst is still 10.
clock.now += 3600
assert burst(bucket, 50) == 10
# Sustained traffic: one request every 0.125 s (8/s) for 10 s against a 4/s bucket that starts empty.
allowed = 0
for _ in range(80):
    clock.now += 0.125
    allowed += bucket.allow()
assert allowed == 40  # the long-run rate is the refill rate: 4/s x 10 s

# Fixed window: 10 per minute. 10 requests at 0:59 and 10 at 1:00 all pass: 20 in one second,
# twice the limit, because the counter resets at the window boundary.
clock = FakeClock(59.0)
fixed = FixedWindow(limit=10, window=60, clock=clock)
assert burst(fixed, 10) == 10
clock.now = 60.0
assert burst(fixed, 10) == 10
assert burst(fixed, 1) == 0  # the new window is full now

# Sliding window counter, same limit and traffic: at 1:00 the previous window still weighs fully
# (10 x 60/60 = 10), so the second burst is denied. Half-way through the window its weight is 5.
clock = FakeClock(59.0)
sliding = SlidingWindowCounter(limit=10, window=60, clock=clock)
assert burst(sliding, 10) == 10
clock.now = 60.0
assert sliding.estimate() == 10
assert burst(sliding, 10) == 0
clock.now = 90.0  # 30 s into the window: previous weighs 10 x 30/60 = 5
assert sliding.estimate() == 5
assert burst(sliding, 10) == 5
clock.now = 180.0  # two windows later, nothing from the old ones is left
assert sliding.estimate() == 0
assert burst(sliding, 12) == 10

print("rate_limiters: all checks passed")
