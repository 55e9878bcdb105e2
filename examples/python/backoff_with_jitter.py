"""Exponential backoff with full and decorrelated jitter, and a retry helper with a retry budget.

The two delay formulas follow Marc Brooker's "Exponential Backoff And Jitter" (AWS Architecture Blog, 2015):
    full jitter:         sleep = uniform(0, min(cap, base * 2 ** attempt))
    decorrelated jitter: sleep = min(cap, uniform(base, previous_sleep * 3))
The budget is a token bucket in the style of Finagle's RetryBudget and gRPC's retry throttling: every first
attempt deposits `ratio` of a token, every retry spends one whole token, so retries stay near `ratio` of
traffic when a dependency fails persistently. Standard library only; `random.Random` is seeded so runs repeat.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from typing import TypeVar

T = TypeVar("T")


def full_jitter(attempt: int, base: float, cap: float, rng: random.Random) -> float:
    """Delay before retry number `attempt` (0 for the first retry): uniform in [0, min(cap, base * 2**attempt)]."""
    ceiling = min(cap, base * 2**attempt)
    return rng.uniform(0, ceiling)


def decorrelated_jitter(previous: float, base: float, cap: float, rng: random.Random) -> float:
    """Next delay from the previous one: uniform in [base, previous * 3], then capped at `cap`."""
    return min(cap, rng.uniform(base, max(base, previous * 3)))


class RetryBudget:
    """Token bucket for retries, counted in thousandths of a token so the arithmetic is exact."""

    def __init__(self, ratio: float = 0.1, max_tokens: int = 10, initial_tokens: int | None = None) -> None:
        self._deposit = round(ratio * 1000)
        self._max = max_tokens * 1000
        self._balance = self._max if initial_tokens is None else initial_tokens * 1000

    def on_request(self) -> None:
        """Every first attempt earns `ratio` of a retry, up to `max_tokens` banked."""
        self._balance = min(self._max, self._balance + self._deposit)

    def try_spend(self) -> bool:
        """A retry may go ahead only if a whole token is available."""
        if self._balance >= 1000:
            self._balance -= 1000
            return True
        return False


class RetryableError(Exception):
    """A failure worth retrying: a timeout, a 503, a connection reset on an idempotent call."""


class BudgetExhausted(Exception):
    """Raised when the budget refuses a retry; the caller sees the original failure as the cause."""


def call_with_retries(
    op: Callable[[], T],
    *,
    max_attempts: int,
    base: float,
    cap: float,
    budget: RetryBudget,
    rng: random.Random,
    sleep: Callable[[float], None],
) -> T:
    """Run `op` up to `max_attempts` times (first try included), sleeping a full-jitter delay between tries.

    Only `RetryableError` is retried; anything else propagates at once. A retry also needs a budget token.
    """
    budget.on_request()
    for attempt in range(max_attempts):
        try:
            return op()
        except RetryableError as exc:
            if attempt + 1 == max_attempts:
                raise
            if not budget.try_spend():
                raise BudgetExhausted("retry budget exhausted") from exc
            sleep(full_jitter(attempt, base, cap, rng))
    raise AssertionError("unreachable")


# --- Checks -------------------------------------------------------------------------------------------------

rng = random.Random(42)
BASE, CAP = 0.1, 10.0  # seconds

# Full jitter stays inside [0, min(cap, base * 2**attempt)] for every attempt, including once the cap binds.
for attempt in range(12):
    ceiling = min(CAP, BASE * 2**attempt)
    for _ in range(500):
        delay = full_jitter(attempt, BASE, CAP, rng)
        assert 0 <= delay <= ceiling, (attempt, delay, ceiling)

# Full jitter spreads a herd: 1,000 clients retrying attempt 5 (ceiling 3.2 s) average about half the ceiling.
delays = [full_jitter(5, BASE, CAP, rng) for _ in range(1000)]
assert abs(sum(delays) / len(delays) - 1.6) < 0.15
assert max(delays) - min(delays) > 3.0  # spread over almost the whole window, not one synchronized spike

# Decorrelated jitter stays within [base, cap] along a long chain of retries.
previous = BASE
for _ in range(2000):
    previous = decorrelated_jitter(previous, BASE, CAP, rng)
    assert BASE <= previous <= CAP, previous

# The same seed gives the same delays, so tests and simulations repeat exactly.
assert [full_jitter(3, BASE, CAP, random.Random(7)) for _ in range(3)] == [
    full_jitter(3, BASE, CAP, random.Random(7)) for _ in range(3)
]


class Flaky:
    """Fails with RetryableError `failures` times, then succeeds; counts calls."""

    def __init__(self, failures: int) -> None:
        self.failures = failures
        self.calls = 0

    def __call__(self) -> str:
        self.calls += 1
        if self.calls <= self.failures:
            raise RetryableError(f"attempt {self.calls} timed out")
        return "ok"


slept: list[float] = []

# Two transient failures, four attempts allowed: the third attempt succeeds after two jittered sleeps.
op = Flaky(failures=2)
result = call_with_retries(op, max_attempts=4, base=BASE, cap=CAP, budget=RetryBudget(), rng=rng, sleep=slept.append)
assert result == "ok" and op.calls == 3 and len(slept) == 2
assert 0 <= slept[0] <= BASE and 0 <= slept[1] <= 2 * BASE

# A persistent failure stops at max_attempts (three calls, not more) and surfaces the last error.
op = Flaky(failures=100)
try:
    call_with_retries(op, max_attempts=3, base=BASE, cap=CAP, budget=RetryBudget(), rng=rng, sleep=slept.append)
    raise AssertionError("should have failed")
except RetryableError:
    pass
assert op.calls == 3


# A non-retryable error (a 400, a validation failure) is never retried.
def bad_request() -> str:
    bad_request.calls += 1
    raise ValueError("400 Bad Request")


bad_request.calls = 0
try:
    call_with_retries(
        bad_request, max_attempts=5, base=BASE, cap=CAP, budget=RetryBudget(), rng=rng, sleep=slept.append
    )
except ValueError:
    pass
assert bad_request.calls == 1

# The budget caps amplification during an outage. 100 healthy requests fill the bucket to its 10-token cap;
# then 20 requests hit a dead dependency with max_attempts=3. Without a budget that is 60 calls (3x);
# with it, 11 retries are allowed (10 banked + 0.1 per request), so the dependency sees 31 calls.
budget = RetryBudget(ratio=0.1, max_tokens=10, initial_tokens=0)
for _ in range(100):
    call_with_retries(Flaky(0), max_attempts=3, base=BASE, cap=CAP, budget=budget, rng=rng, sleep=slept.append)
dead_calls = 0
refused = 0
for _ in range(20):
    op = Flaky(failures=100)
    try:
        call_with_retries(op, max_attempts=3, base=BASE, cap=CAP, budget=budget, rng=rng, sleep=slept.append)
    except BudgetExhausted:
        refused += 1
    except RetryableError:
        pass
    dead_calls += op.calls
assert dead_calls == 31, dead_calls
assert dead_calls <= 20 + 10 + 0.1 * 20  # first attempts + banked tokens + tokens earned during the outage
assert refused > 0


# A thundering herd, simulated without sleeping: 1,000 clients all fail at t = 0 against a dependency that stays
# down, and each retries 5 times through call_with_retries (base 1 s, cap 20 s). Each client has its own
# simulated clock: `sleep` advances it, and the operation records the time of every retry it receives. Plain
# exponential backoff is the same helper with a "random" source that always picks the top of the range, so the
# delay is exactly min(cap, base * 2**attempt). The load is the number of retries landing in each 100 ms bucket.


class AlwaysTop(random.Random):
    """uniform(a, b) always returns b: full jitter becomes plain exponential backoff, no randomness left."""

    def uniform(self, a: float, b: float) -> float:
        return b


class HerdClient:
    """One client with its own simulated clock: `sleep` advances it, `call` fails and records each retry's time."""

    def __init__(self, per_bucket: dict[int, int], bucket: float) -> None:
        self.now = 0.0
        self.per_bucket = per_bucket
        self.bucket = bucket

    def sleep(self, delay: float) -> None:
        self.now += delay

    def call(self) -> str:
        if self.now > 0:  # every call after the first one at t = 0 is a retry
            slot = int(self.now / self.bucket)
            self.per_bucket[slot] = self.per_bucket.get(slot, 0) + 1
        raise RetryableError("503 Service Unavailable")


def herd_peak(clients: int, source: random.Random, bucket: float = 0.1) -> tuple[int, int]:
    """Run the herd; return (retries in the busiest bucket, total retries)."""
    per_bucket: dict[int, int] = {}
    for _ in range(clients):
        client = HerdClient(per_bucket, bucket)
        try:
            call_with_retries(
                client.call, max_attempts=6, base=1.0, cap=20.0, budget=RetryBudget(), rng=source, sleep=client.sleep
            )
        except RetryableError:
            pass
    return max(per_bucket.values()), sum(per_bucket.values())


plain_peak, plain_total = herd_peak(1000, AlwaysTop())
jitter_peak, jitter_total = herd_peak(1000, random.Random(2015))
assert plain_total == jitter_total == 5000  # the same work either way: 5 retries per client
assert plain_peak == 1000  # every client retries at 1 s, 3 s, 7 s, 15 s and 31 s: the whole herd at once
assert jitter_peak * 5 <= plain_peak, jitter_peak  # full jitter spreads the same retries thin
print(f"herd of 1,000: busiest 100 ms holds {plain_peak} retries without jitter, {jitter_peak} with full jitter")

print("backoff_with_jitter: all checks passed")
