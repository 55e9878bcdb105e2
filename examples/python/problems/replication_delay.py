"""Time until every replica has a write: Dijkstra's algorithm from the primary over relay latencies.

Time O((V + E) log V) with a binary heap (lazy deletion: stale heap entries are skipped); space O(V + E).
"""

from __future__ import annotations

import heapq


def replication_delay(nodes: list[str], links: list[tuple[str, str, int]], primary: str) -> int | None:
    """Milliseconds until the last node has the write, or None if some node can never receive it."""
    out: dict[str, list[tuple[str, int]]] = {node: [] for node in nodes}
    for source, target, ms in links:
        out[source].append((target, ms))
    arrival = {primary: 0}
    heap = [(0, primary)]
    done = set()
    while heap:
        at, node = heapq.heappop(heap)
        if node in done:
            continue  # a stale entry: a faster route was settled first
        done.add(node)
        for target, ms in out[node]:
            if at + ms < arrival.get(target, at + ms + 1):
                arrival[target] = at + ms
                heapq.heappush(heap, (at + ms, target))
    return max(arrival.values()) if len(done) == len(nodes) else None
