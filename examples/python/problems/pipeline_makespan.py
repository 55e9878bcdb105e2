"""Earliest finish of a job pipeline: the longest path through the dependency DAG, in topological order.

Time O(V + E); space O(V + E). Unlimited workers, so a job starts the moment its last dependency finishes.
"""

from __future__ import annotations

from collections import deque


def earliest_finish(jobs: dict[str, tuple[int, list[str]]]) -> int:
    """`jobs[name] = (minutes, dependencies)`; return when the last job finishes. ValueError on a cycle."""
    waiting = {name: len(set(deps)) for name, (_, deps) in jobs.items()}
    unlocks: dict[str, list[str]] = {name: [] for name in jobs}
    for name, (_, deps) in jobs.items():
        for dep in set(deps):
            unlocks[dep].append(name)
    start = dict.fromkeys(jobs, 0)  # earliest start: the latest finish among the dependencies seen so far
    queue = deque(name for name, count in waiting.items() if count == 0)
    finished, latest = 0, 0
    while queue:
        name = queue.popleft()
        finished += 1
        finish = start[name] + jobs[name][0]
        latest = max(latest, finish)
        for waiter in unlocks[name]:
            start[waiter] = max(start[waiter], finish)
            waiting[waiter] -= 1
            if waiting[waiter] == 0:
                queue.append(waiter)
    if finished < len(jobs):
        raise ValueError("the dependencies form a cycle: no job on it can ever start")
    return latest
