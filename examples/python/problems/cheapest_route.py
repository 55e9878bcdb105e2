"""Cheapest route with at most k relays: Bellman-Ford limited to k + 1 rounds, one edge more per round.

Each round reads the previous round's costs only, so a route found in round r uses at most r links.
Time O((k + 1) * E); space O(V) for two cost tables.
"""

from __future__ import annotations


def cheapest_route(links: list[tuple[str, str, int]], source: str, target: str, k: int) -> int | None:
    """The lowest total cost from source to target using at most k intermediate hops, or None."""
    best = {source: 0}
    for _ in range(k + 1):
        nxt = dict(best)
        for a, b, cost in links:
            if a in best and best[a] + cost < nxt.get(b, best[a] + cost + 1):
                nxt[b] = best[a] + cost
        best = nxt
    return best.get(target)
