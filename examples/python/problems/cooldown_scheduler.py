"""A rate-limited scheduler: each slot, run the ready tenant with the most jobs left; cooling tenants wait.

Most-remaining-first is optimal: the tenant with the most jobs sets the lower bound
(most - 1) * (cooldown + 1) + (number of tenants tied at most), and serving it first never lets it fall behind.
Time O(T log m) for a schedule of T slots and m tenants (T <= jobs * (cooldown + 1)); space O(m).
"""

from __future__ import annotations

import heapq
from collections import deque


def schedule(jobs: dict[str, int], cooldown: int) -> list[str | None]:
    """`jobs[tenant]` jobs each; one job per slot; a tenant's next job waits `cooldown` slots. None is idle."""
    ready = [(-count, tenant) for tenant, count in jobs.items() if count > 0]
    heapq.heapify(ready)  # most jobs left first, ties by name
    cooling: deque[tuple[int, int, str]] = deque()  # (first free slot, -jobs left, tenant), in slot order
    slots: list[str | None] = []
    while ready or cooling:
        slot = len(slots)
        while cooling and cooling[0][0] <= slot:
            _, negative, tenant = cooling.popleft()
            heapq.heappush(ready, (negative, tenant))
        if not ready:
            slots.append(None)
            continue
        negative, tenant = heapq.heappop(ready)
        slots.append(tenant)
        if negative + 1 < 0:  # jobs left after this one
            cooling.append((slot + cooldown + 1, negative + 1, tenant))
    return slots
