"""Partitions after each link comes up: union-find with union by size and path halving.

Time O(n + m * alpha(n)) for n nodes and m links (alpha, the inverse Ackermann function, is below 5 for any
real input); space O(n) for the parent and size arrays.
"""

from __future__ import annotations


def partitions_after_each_link(n: int, links: list[tuple[int, int]]) -> list[int]:
    """Nodes are 0..n-1, all apart at first; return the number of partitions after each link in turn."""
    parent = list(range(n))
    size = [1] * n

    def root(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]  # path halving: point at the grandparent on the way up
            x = parent[x]
        return x

    count, out = n, []
    for a, b in links:
        ra, rb = root(a), root(b)
        if ra != rb:
            if size[ra] < size[rb]:
                ra, rb = rb, ra
            parent[rb] = ra  # the smaller tree goes under the larger, so trees stay O(log n) deep
            size[ra] += size[rb]
            count -= 1
        out.append(count)
    return out
