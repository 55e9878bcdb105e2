"""Fewest workers for a set of jobs: sweep jobs by start time with a min-heap of the busy workers' end times.

Time O(n log n) for the sort and the heap; space O(n) in the worst case (every job overlaps every other).
"""

from __future__ import annotations

import heapq


def workers_needed(jobs: list[tuple[int, int]]) -> int:
    """Jobs run over [start, end); a worker runs one job at a time. How many workers finish them all?"""
    busy_until: list[int] = []
    for start, end in sorted(jobs):
        if busy_until and busy_until[0] <= start:
            heapq.heapreplace(busy_until, end)  # the earliest free worker takes this job
        else:
            heapq.heappush(busy_until, end)  # nobody is free: one more worker
    return len(busy_until)
