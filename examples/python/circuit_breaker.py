"""A small circuit breaker: closed, open and half-open, with a count-based sliding window and an injectable clock.

The state rules follow Resilience4j's CircuitBreaker: in CLOSED the breaker records outcomes in a sliding
window and opens when at least `minimum_calls` are recorded and the failure rate reaches the threshold; OPEN
rejects calls without running them until `wait_in_open` seconds have passed; HALF_OPEN lets a fixed number of
trial calls through and, once they have all completed, closes if their failure rate is below the threshold
or opens again otherwise. Standard library only.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable
from enum import Enum
from typing import TypeVar

T = TypeVar("T")


class State(Enum):
    CLOSED = "closed"
    OPEN = "open"
    HALF_OPEN = "half-open"


class CallNotPermitted(Exception):
    """Raised instead of calling the dependency while the breaker is open (or its trial slots are taken)."""


class CircuitBreaker:
    def __init__(
        self,
        *,
        clock: Callable[[], float],
        failure_rate_threshold: float = 50.0,  # percent, like Resilience4j's failureRateThreshold
        window_size: int = 10,  # slidingWindowSize (count-based)
        minimum_calls: int = 5,  # minimumNumberOfCalls
        wait_in_open: float = 30.0,  # waitDurationInOpenState, seconds
        half_open_calls: int = 3,  # permittedNumberOfCallsInHalfOpenState
    ) -> None:
        self._clock = clock
        self._threshold = failure_rate_threshold
        self._minimum = minimum_calls
        self._wait = wait_in_open
        self._half_open_calls = half_open_calls
        self._window: deque[bool] = deque(maxlen=window_size)  # True = failure
        self._trials: list[bool] = []
        self._trial_permits = 0
        self._opened_at = 0.0
        self.state = State.CLOSED

    def _failure_rate(self, outcomes) -> float:
        outcomes = list(outcomes)
        return 100.0 * sum(outcomes) / len(outcomes)

    def _open(self) -> None:
        self.state = State.OPEN
        self._opened_at = self._clock()

    def _acquire(self) -> None:
        if self.state is State.OPEN:
            if self._clock() - self._opened_at < self._wait:
                raise CallNotPermitted("circuit open")
            self.state = State.HALF_OPEN  # the first call after the wait becomes a trial
            self._trials, self._trial_permits = [], 0
        if self.state is State.HALF_OPEN:
            if self._trial_permits >= self._half_open_calls:
                raise CallNotPermitted("half-open: all trial calls are in flight")
            self._trial_permits += 1

    def _record(self, failed: bool) -> None:
        if self.state is State.HALF_OPEN:
            self._trials.append(failed)
            if len(self._trials) == self._half_open_calls:
                if self._failure_rate(self._trials) >= self._threshold:
                    self._open()
                else:
                    self.state = State.CLOSED
                    self._window.clear()
            return
        self._window.append(failed)
        if len(self._window) >= self._minimum and self._failure_rate(self._window) >= self._threshold:
            self._open()

    def call(self, fn: Callable[[], T]) -> T:
        self._acquire()
        try:
            result = fn()
        except Exception:
            self._record(failed=True)
            raise
        self._record(failed=False)
        return result


# --- Checks -------------------------------------------------------------------------------------------------


class FakeClock:
    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


class Dependency:
    def __init__(self) -> None:
        self.healthy = True
        self.calls = 0

    def __call__(self) -> str:
        self.calls += 1
        if not self.healthy:
            raise TimeoutError("dependency timed out")
        return "ok"


def attempt(breaker: CircuitBreaker, dep: Dependency) -> str:
    try:
        return breaker.call(dep)
    except CallNotPermitted:
        return "rejected"
    except TimeoutError:
        return "failed"


clock = FakeClock()
dep = Dependency()
breaker = CircuitBreaker(clock=clock)

# CLOSED: a failure rate under the threshold (6 successes, then 4 failures: 40% of 10) keeps it closed.
for i in range(10):
    dep.healthy = i < 6
    assert attempt(breaker, dep) in ("ok", "failed")
assert breaker.state is State.CLOSED

# Below minimum_calls nothing opens, even at 100% failures: a fresh breaker sees 4 failures and stays closed.
fresh = CircuitBreaker(clock=clock)
dep.healthy = False
for _ in range(4):
    attempt(fresh, dep)
assert fresh.state is State.CLOSED
# The 5th failure reaches minimum_calls at a 100% failure rate: CLOSED -> OPEN.
attempt(fresh, dep)
assert fresh.state is State.OPEN

# OPEN: calls are rejected without touching the dependency until the wait has elapsed.
calls_before = dep.calls
clock.now += 29.9
assert attempt(fresh, dep) == "rejected"
assert dep.calls == calls_before

# After wait_in_open, the next call is a trial: OPEN -> HALF_OPEN, at most 3 trials in flight.
clock.now += 0.1
dep.healthy = True
assert attempt(fresh, dep) == "ok"
assert fresh.state is State.HALF_OPEN
assert attempt(fresh, dep) == "ok"
assert fresh.state is State.HALF_OPEN
assert attempt(fresh, dep) == "ok"  # third trial completes: 0% failures < 50% -> CLOSED
assert fresh.state is State.CLOSED
assert attempt(fresh, dep) == "ok"

# Trial slots are limited: while the 3 trials are in flight, a 4th caller is rejected.
limited = CircuitBreaker(clock=clock, minimum_calls=1, window_size=1)
dep.healthy = False
attempt(limited, dep)
assert limited.state is State.OPEN
clock.now += 30
for _ in range(3):
    limited._acquire()  # three trial calls start and have not finished yet
try:
    limited._acquire()
    raise AssertionError("a fourth trial must be rejected")
except CallNotPermitted:
    pass

# HALF_OPEN -> OPEN: 2 of 3 trials fail (67% >= 50%), so it opens again and the wait starts over.
again = CircuitBreaker(clock=clock, minimum_calls=1, window_size=1)
dep.healthy = False
attempt(again, dep)
assert again.state is State.OPEN
clock.now += 30
for healthy in (True, False, False):
    dep.healthy = healthy
    attempt(again, dep)
assert again.state is State.OPEN
opened = clock.now
clock.now = opened + 29
assert attempt(again, dep) == "rejected"
clock.now = opened + 30
dep.healthy = True
assert attempt(again, dep) == "ok" and again.state is State.HALF_OPEN

print("circuit_breaker: all checks passed")
