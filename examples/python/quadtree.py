"""A point-region quadtree: a square splits into four when it holds more than `capacity` points, so dense areas get
small cells and empty areas stay one big cell. Range and k-nearest-neighbour queries are checked against a
brute-force scan on seeded, clustered points.

- Range query: visit only the quadrants that intersect the query circle's bounding box.
- k nearest: best-first search over a priority queue keyed by the distance from the query point to each node's
  square (0 inside it), so whole quadrants farther than the current k-th neighbour are never opened.
Coordinates are metres on a plane (a city-sized area); standard library only.
"""

from __future__ import annotations

import heapq
import itertools
import math
import random


class QuadTree:
    def __init__(self, x0: float, y0: float, size: float, capacity: int = 8):
        self.x0, self.y0, self.size, self.capacity = x0, y0, size, capacity
        self.points: list[tuple[float, float]] = []
        self.children: list[QuadTree] | None = None

    def insert(self, p: tuple[float, float]) -> None:
        if self.children is not None:
            self._child_for(p).insert(p)
            return
        self.points.append(p)
        if len(self.points) > self.capacity and self.size > 1:  # split, unless the square is already 1 m
            half = self.size / 2
            self.children = [
                QuadTree(self.x0 + dx * half, self.y0 + dy * half, half, self.capacity)
                for dy in (0, 1)
                for dx in (0, 1)
            ]
            for q in self.points:
                self._child_for(q).insert(q)
            self.points = []

    def _child_for(self, p: tuple[float, float]) -> QuadTree:
        half = self.size / 2
        return self.children[(p[1] >= self.y0 + half) * 2 + (p[0] >= self.x0 + half)]

    def distance_to(self, q: tuple[float, float]) -> float:
        dx = max(self.x0 - q[0], 0, q[0] - (self.x0 + self.size))
        dy = max(self.y0 - q[1], 0, q[1] - (self.y0 + self.size))
        return math.hypot(dx, dy)

    def within(self, q: tuple[float, float], r: float, visited: list[int]) -> list[tuple[float, float]]:
        visited[0] += 1
        if self.distance_to(q) > r:
            return []
        if self.children is None:
            return [p for p in self.points if math.dist(p, q) <= r]
        return [p for child in self.children for p in child.within(q, r, visited)]

    def nearest(self, q: tuple[float, float], k: int) -> tuple[list[tuple[float, float]], int]:
        """The k nearest points and how many nodes were opened."""
        tie = itertools.count()
        frontier = [(0.0, next(tie), self)]
        best: list[tuple[float, tuple[float, float]]] = []  # max-heap via negated distance
        opened = 0
        while frontier:
            d, _, node = heapq.heappop(frontier)
            if len(best) == k and d > -best[0][0]:
                break  # every remaining square is farther than the current k-th neighbour
            opened += 1
            if node.children is None:
                for p in node.points:
                    heapq.heappush(best, (-math.dist(p, q), p))
                    if len(best) > k:
                        heapq.heappop(best)
            else:
                for child in node.children:
                    heapq.heappush(frontier, (child.distance_to(q), next(tie), child))
        return [p for _, p in sorted(best, key=lambda t: -t[0])], opened

    def count_nodes(self) -> int:
        return 1 + sum(c.count_nodes() for c in self.children or [])

    def depth(self) -> int:
        return 1 + max((c.depth() for c in self.children or []), default=0)


# 50,000 drivers in a 20 km x 20 km city: 80% in three dense centres, 20% spread thinly.
rng = random.Random(8)
SIDE = 20_000
centres = [(5_000, 6_000), (14_000, 12_000), (9_000, 17_000)]
points = []
for _ in range(50_000):
    if rng.random() < 0.8:
        cx, cy = rng.choice(centres)
        p = (rng.gauss(cx, 800), rng.gauss(cy, 800))
    else:
        p = (rng.uniform(0, SIDE), rng.uniform(0, SIDE))
    points.append((min(max(p[0], 0), SIDE - 0.01), min(max(p[1], 0), SIDE - 0.01)))

tree = QuadTree(0, 0, SIDE)
for p in points:
    tree.insert(p)

# Adaptive: the dense centres split deep, the sparse outskirts stay shallow.
assert tree.depth() >= 9
centre_leaf = tree
while centre_leaf.children is not None:
    centre_leaf = centre_leaf._child_for(centres[0])
assert centre_leaf.size < 100  # a leaf at a centre is under 100 m across
edge_leaf = tree
while edge_leaf.children is not None:
    edge_leaf = edge_leaf._child_for((19_900, 100))
assert edge_leaf.size >= 8 * centre_leaf.size  # a leaf in the sparse corner is far larger

# Range and k-NN queries agree with a brute-force scan, and touch a small part of the tree.
total_nodes = tree.count_nodes()
for _ in range(50):
    q = (rng.uniform(0, SIDE), rng.uniform(0, SIDE))
    visited = [0]
    assert sorted(tree.within(q, 300, visited)) == sorted(p for p in points if math.dist(p, q) <= 300)
    assert visited[0] < total_nodes / 10
    knn, opened = tree.nearest(q, 5)
    exact = sorted(points, key=lambda p: math.dist(p, q))[:5]
    assert [round(math.dist(p, q), 6) for p in knn] == [round(math.dist(p, q), 6) for p in exact]
    assert opened < total_nodes / 10

print(
    f"{total_nodes} nodes, depth {tree.depth()}; centre leaf {centre_leaf.size:.0f} m, corner leaf {edge_leaf.size:.0f} m"
)
