"""A FIFO queue in front of a pool of workers, with an optional limit on waiting requests, and Little's law.

Time is counted in whole milliseconds, so the simulation is exact. Arrivals are Bernoulli per millisecond (a
request arrives in each millisecond with probability rate / 1000, close to a Poisson stream); each service time
is uniform between 1 and 2 * mean - 1 ms. A request that finds every worker busy waits; if `limit` requests are
already waiting it is rejected at once. Little's law, L = lambda * W, holds over any period that starts and ends
with the system empty: L is measured here by integrating the number of requests in the system over time, W by
averaging each request's time in the system. Standard library only.
"""

from __future__ import annotations

import heapq
import random
from typing import NamedTuple


class Request(NamedTuple):
    arrival: int  # ms
    service: int  # ms of work
    start: int | None = None  # None: rejected
    finish: int | None = None


def trace(rate: int, mean_service: int, duration_ms: int, rng: random.Random) -> list[tuple[int, int]]:
    """(arrival, service) pairs: an arrival in a millisecond with probability rate / 1000 (rate per second)."""
    requests = []
    for now in range(duration_ms):
        if rng.random() * 1000 < rate:
            requests.append((now, 1 + int(rng.random() * (2 * mean_service - 1))))
    return requests


def run_queue(arrivals: list[tuple[int, int]], workers: int, limit: int | None) -> list[Request]:
    """Serve requests first come, first served on `workers` workers; `limit` caps the waiting line (None: no cap).
    A worker that frees up at the instant a request arrives takes it without the request waiting."""
    free_at = [0] * workers  # a heap: when each worker is next free
    waiting_starts: list[int] = []  # start times of accepted requests, in order (FIFO keeps them sorted)
    done: list[Request] = []
    first_waiting = 0
    for arrival, service in arrivals:
        while first_waiting < len(waiting_starts) and waiting_starts[first_waiting] <= arrival:
            first_waiting += 1  # started by now: no longer waiting
        waiting = len(waiting_starts) - first_waiting
        start = max(arrival, free_at[0])
        if start > arrival and limit is not None and waiting >= limit:
            done.append(Request(arrival, service))
            continue
        heapq.heapreplace(free_at, start + service)
        waiting_starts.append(start)
        done.append(Request(arrival, service, start, start + service))
    return done


def littles_law(requests: list[Request]) -> tuple[float, float, float]:
    """(L, lambda, W) from time 0 to the last departure: L = time-average number in the system (by integration,
    requests per ms summed over time), lambda = accepted requests per second, W = mean time in the system (s)."""
    served = [r for r in requests if r.start is not None]
    end = max(r.finish for r in served)
    changes = sorted([(r.arrival, 1) for r in served] + [(r.finish, -1) for r in served])
    area, in_system, last = 0, 0, 0
    for time, change in changes:
        area += in_system * (time - last)
        in_system, last = in_system + change, time
    sojourn = sum(r.finish - r.arrival for r in served)
    return area / end, len(served) * 1000 / end, sojourn / len(served) / 1000


# --- Checks -------------------------------------------------------------------------------------------------

# By hand: one worker, room for one waiting request. The first is served at once, the second waits 8 ms, the
# third finds one waiting and is rejected, the fourth arrives as the second starts and waits for the worker.
small = run_queue([(0, 10), (2, 10), (4, 10), (10, 5)], workers=1, limit=1)
assert [(r.start, r.finish) for r in small] == [(0, 10), (10, 20), (None, None), (20, 25)]
# L = lambda * W: 3 requests spend 10 + 18 + 15 = 43 ms in the system over 25 ms.
L, lam, W = littles_law(small)
assert abs(L - 43 / 25) < 1e-12 and abs(lam * W - L) < 1e-12

# Below capacity: 80 requests a second, 10 ms each, one worker (utilisation 0.8). Nobody is rejected, and
# Little's law holds to rounding even though L and W are measured independently.
rng = random.Random(1)
stable = run_queue(trace(80, 10, 600_000, rng), workers=1, limit=None)
L, lam, W = littles_law(stable)
assert abs(L - lam * W) < 1e-9 * L
assert 75 < lam < 85
# Pollaczek-Khinchine for one worker: mean wait = lambda * E[S^2] / (2 (1 - rho)). Uniform service on 1..19 ms
# has E[S^2] = 1/19 * sum(k^2) = 133 ms^2, so the wait is 0.08 * 133 / 0.4 = 26.6 ms and W = 36.6 ms.
assert abs(W * 1000 - 36.6) < 3, W

# Above capacity: 120 requests a second against one worker serving 100 a second. Without a limit the line grows
# by about 20 requests a second, and so does the wait: the last arrivals of a minute wait about 12 s.
over = run_queue(trace(120, 10, 60_000, random.Random(2)), workers=1, limit=None)
last_wait = over[-1].start - over[-1].arrival
assert 9_000 < last_wait < 15_000, last_wait
L, lam, W = littles_law(over)
assert abs(L - lam * W) < 1e-9 * L

# A bounded line: 50 waiting at most. About a sixth of the requests are rejected, and the wait stays bounded by
# the line's length times the longest service time.
bounded = run_queue(trace(120, 10, 60_000, random.Random(2)), workers=1, limit=50)
rejected = sum(r.start is None for r in bounded)
assert 0.1 < rejected / len(bounded) < 0.25, rejected / len(bounded)
assert max(r.start - r.arrival for r in bounded if r.start is not None) <= 51 * 19

print("queueing: all checks passed")
