"""Two-zone placement: two-colour the conflict graph with breadth-first search (a bipartite check).

Time O(V + E); space O(V + E) for the adjacency lists, the zones and the queue.
"""

from __future__ import annotations

from collections import deque


def place_in_two_zones(n: int, conflicts: list[tuple[int, int]]) -> list[int] | None:
    """Zone 0 or 1 for services 0..n-1 so that no conflicting pair shares a zone, or None if impossible."""
    neighbours: list[list[int]] = [[] for _ in range(n)]
    for a, b in conflicts:
        neighbours[a].append(b)
        neighbours[b].append(a)
    zone = [-1] * n
    for start in range(n):
        if zone[start] != -1:
            continue
        zone[start] = 0  # each connected group is free to start in zone 0
        queue = deque([start])
        while queue:
            service = queue.popleft()
            for other in neighbours[service]:
                if zone[other] == -1:
                    zone[other] = 1 - zone[service]
                    queue.append(other)
                elif zone[other] == zone[service]:
                    return None  # an odd cycle (or a service in conflict with itself)
    return zone
