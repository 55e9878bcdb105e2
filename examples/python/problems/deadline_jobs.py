"""Most jobs finished by their deadlines: earliest deadline first, dropping the longest job when late.

Taking jobs by deadline and, whenever the running total passes the current deadline, dropping the longest job
taken so far keeps the most jobs with the least total time (an exchange argument). Time O(n log n) for the sort
and the max-heap; space O(n).
"""

from __future__ import annotations

import heapq


def most_jobs_on_time(jobs: list[tuple[int, int]]) -> int:
    """`(duration, deadline)` pairs, one worker from time 0, one job at a time; the most that finish on time."""
    taken: list[int] = []  # negated durations: a max-heap
    total = 0
    for duration, deadline in sorted(jobs, key=lambda job: job[1]):
        heapq.heappush(taken, -duration)
        total += duration
        if total > deadline:
            total += heapq.heappop(taken)  # drop the longest job taken so far (its duration is negated)
    return len(taken)
