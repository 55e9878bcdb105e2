"""Longest path in a weighted network tree: the farthest node from anywhere is one end of a longest path.

Two passes: from node 0 find the farthest node u, then from u the farthest distance is the answer (true for
non-negative weights). Time O(n); space O(n) for the adjacency lists and the explicit stack.
"""

from __future__ import annotations


def longest_path(n: int, links: list[tuple[int, int, int]]) -> int:
    """Nodes 0..n-1 joined by n - 1 links (a tree), each with a latency >= 0; the largest end-to-end latency."""
    neighbours: list[list[tuple[int, int]]] = [[] for _ in range(n)]
    for a, b, ms in links:
        neighbours[a].append((b, ms))
        neighbours[b].append((a, ms))

    def farthest(start: int) -> tuple[int, int]:
        distance = {start: 0}
        stack = [start]
        while stack:  # in a tree the one path to each node is found by any traversal order
            node = stack.pop()
            for other, ms in neighbours[node]:
                if other not in distance:
                    distance[other] = distance[node] + ms
                    stack.append(other)
        node = max(distance, key=distance.__getitem__)
        return node, distance[node]

    end, _ = farthest(0)
    return farthest(end)[1]
