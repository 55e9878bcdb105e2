"""Blast radius: breadth-first search over the reversed call graph, from the failing service.

Time O(V + E) to reverse the edges and visit each service once; space O(V + E) for the reversed graph.
"""

from __future__ import annotations

from collections import deque


def blast_radius(calls: dict[str, list[str]], failing: str) -> dict[str, int]:
    """Every service that calls `failing` directly or through others, with the fewest calls between them."""
    callers: dict[str, list[str]] = {}
    for caller, callees in calls.items():
        for callee in callees:
            callers.setdefault(callee, []).append(caller)
    hops = {failing: 0}
    queue = deque([failing])
    while queue:
        service = queue.popleft()
        for caller in callers.get(service, []):
            if caller not in hops:  # BFS reaches each service first along a fewest-hop path
                hops[caller] = hops[service] + 1
                queue.append(caller)
    del hops[failing]
    return hops
