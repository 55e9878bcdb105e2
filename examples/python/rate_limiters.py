"""Five rate limiters with an injectable clock: token bucket, leaky bucket (the queue variant), fixed window,
sliding window log and sliding window counter.

Each limiter answers `allow()` for one caller; a real service keeps one state per key (in Redis when the
limit must hold across a fleet). The clock is a function returning seconds, so the asserts below can move
time by hand and check burst behaviour exactly. Standard library only.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable
from itertools import pairwise


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


class LeakyBucket:
    """The queue variant (a traffic shaper, not the meter variant, GCRA): a FIFO of at most `capacity` waiting
    requests that drains at `rate` requests per second.

    `admit()` returns how long the request waits in the queue before it is forwarded (0.0 if it goes straight
    through), or None when the queue is full (answer 429 or 503). Requests leave exactly 1/rate apart, so the
    output never bursts, whatever the input does. The queue is modelled by the departure times of the requests
    still waiting; a request whose departure time has come has left.
    """

    def __init__(self, rate: float, capacity: int, clock: Callable[[], float]) -> None:
        self.rate = rate
        self.capacity = capacity
        self.clock = clock
        self.departures: deque[float] = deque()  # the waiting requests, in queue order
        self.last_departure = float("-inf")

    def admit(self) -> float | None:
        now = self.clock()
        while self.departures and self.departures[0] <= now:
            self.departures.popleft()  # forwarded already
        if len(self.departures) >= self.capacity:
            return None
        departure = max(now, self.last_departure + 1 / self.rate)
        self.last_departure = departure
        if departure > now:
            self.departures.append(departure)  # it has to wait its turn
        return departure - now

    def allow(self) -> bool:
        return self.admit() is not None


class SlidingWindowLog:
    """Exact: keeps the timestamp of every accepted request of the last `window` seconds.

    A request at `now` is allowed if fewer than `limit` accepted requests have a timestamp in (now - window,
    now]. Memory is up to `limit` timestamps per caller (a Redis sorted set in production). Denied requests are
    not logged, so a caller hammering a closed limit does not extend its own ban.
    """

    def __init__(self, limit: int, window: float, clock: Callable[[], float]) -> None:
        self.limit = limit
        self.window = window
        self.clock = clock
        self.log: deque[float] = deque()

    def allow(self) -> bool:
        now = self.clock()
        while self.log and self.log[0] <= now - self.window:
            self.log.popleft()
        if len(self.log) < self.limit:
            self.log.append(now)
            return True
        return False

    def retry_after(self) -> float:
        """Seconds until the oldest logged request leaves the window (0 if a request is allowed now)."""
        if len(self.log) < self.limit:
            return 0.0
        return self.log[0] + self.window - self.clock()


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


# Leaky bucket (queue variant): drains 4 requests/s, queue of 10. A burst of 15 at one instant: the first goes
# straight through, 10 wait in the queue for 0.25 s, 0.5 s, ... 2.5 s, and 4 are rejected.
clock = FakeClock(1000.0)
leaky = LeakyBucket(rate=4, capacity=10, clock=clock)
waits = [leaky.admit() for _ in range(15)]
assert waits == [0.0, 0.25, 0.5, 0.75, 1.0, 1.25, 1.5, 1.75, 2.0, 2.25, 2.5, None, None, None, None]
# 1 s later four queued requests have been forwarded (departures at +0.25 .. +1.0), so four places are free,
# and the newcomers queue behind the others: the output rate stays 4/s, the burst only added delay.
clock.now += 1.0
assert [leaky.admit() for _ in range(6)] == [1.75, 2.0, 2.25, 2.5, None, None]
# After the queue drains, an idle caller is let through at once, but never faster than 1/rate apart.
clock.now += 60
assert [leaky.admit() for _ in range(3)] == [0.0, 0.25, 0.5]
# The window-edge burst from the fixed window below (10 at 0:59, 10 at 1:00) with a leaky bucket of 10/min and a
# queue of 10: 11 requests are accepted (one at once, ten queued) and forwarded 6 s apart, so no 60 s window
# of the output holds more than 10, the configured rate. The fixed window forwarded all 20 within one second.
clock = FakeClock(59.0)
leaky = LeakyBucket(rate=10 / 60, capacity=10, clock=clock)
sent = [59.0 + w for w in (leaky.admit() for _ in range(10)) if w is not None]
clock.now = 60.0
sent += [60.0 + w for w in (leaky.admit() for _ in range(10)) if w is not None]
assert len(sent) == 11 and all(round(b - a, 9) == 6.0 for a, b in pairwise(sent))
assert max(sum(t <= s < t + 60 for s in sent) for t in sent) == 10

# Sliding window log: 10 per minute, exact. The same two bursts at 0:59 and 1:00: the second is denied in full,
# and so is a request at 1:58.999, because all ten are still inside (now - 60, now]. At 1:59 exactly the 0:59
# burst leaves the window, and ten more are allowed.
clock = FakeClock(59.0)
exact = SlidingWindowLog(limit=10, window=60, clock=clock)
assert burst(exact, 10) == 10
clock.now = 60.0
assert burst(exact, 10) == 0
clock.now = 90.0  # where the sliding window counter above let 5 through on its estimate, the log is exact
assert burst(exact, 10) == 0 and exact.retry_after() == 29.0
clock.now = 118.999
assert burst(exact, 1) == 0
clock.now = 119.0
assert exact.retry_after() == 0.0 and burst(exact, 11) == 10
# Steady traffic above the limit: one request every 5 s (12 per minute) for 200 s. In each minute the first 10
# pass and the 11th and 12th are denied, so 10 + 10 + 10 + 4 (t = 180 .. 195 s) = 34 pass.
clock = FakeClock(0.0)
spread = SlidingWindowLog(limit=10, window=60, clock=clock)
accepted = []
for i in range(40):
    clock.now = i * 5.0
    if spread.allow():
        accepted.append(clock.now)
assert len(accepted) == 34 and 50.0 not in accepted and 55.0 not in accepted and 60.0 in accepted
assert max(sum(t <= s < t + 60 for s in accepted) for t in accepted) == 10

print("rate_limiters: all checks passed")
