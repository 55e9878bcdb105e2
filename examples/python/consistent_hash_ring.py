"""A consistent-hash ring with virtual nodes: which node owns a key, and how many keys move when one joins."""

import bisect
import hashlib
from collections import Counter


def ring_position(label: str) -> int:
    """A stable 64-bit position on the ring (MD5 here for portability; any well-mixed hash will do)."""
    return int.from_bytes(hashlib.md5(label.encode()).digest()[:8], "big")


class HashRing:
    def __init__(self, nodes=(), vnodes: int = 100):
        self.vnodes = vnodes
        self._points: list[int] = []  # sorted positions of every virtual node
        self._owner: dict[int, str] = {}  # position -> physical node
        for node in nodes:
            self.add(node)

    def add(self, node: str) -> None:
        for i in range(self.vnodes):
            point = ring_position(f"{node}#vn{i}")
            self._owner[point] = node
            bisect.insort(self._points, point)

    def remove(self, node: str) -> None:
        self._points = [p for p in self._points if self._owner[p] != node]
        self._owner = {p: n for p, n in self._owner.items() if n != node}

    def node_for(self, key: str) -> str:
        """The first virtual node clockwise from the key's position (wrapping past the top)."""
        index = bisect.bisect_right(self._points, ring_position(key)) % len(self._points)
        return self._owner[self._points[index]]

    def replicas_for(self, key: str, n: int) -> list[str]:
        """The next n distinct physical nodes clockwise: a Dynamo-style preference list."""
        start = bisect.bisect_right(self._points, ring_position(key))
        found: list[str] = []
        for step in range(len(self._points)):
            node = self._owner[self._points[(start + step) % len(self._points)]]
            if node not in found:
                found.append(node)
                if len(found) == n:
                    break
        return found


def spread(ring: HashRing, keys: list[str]) -> float:
    """Most-loaded node's share divided by the fair share (1.0 is perfectly even)."""
    counts = Counter(ring.node_for(k) for k in keys)
    return max(counts.values()) / (len(keys) / len(counts))


keys = [f"user:{i}" for i in range(100_000)]
nodes = [f"cache-{i}" for i in range(10)]

ring = HashRing(nodes, vnodes=100)
before = {k: ring.node_for(k) for k in keys}
ring.add("cache-10")  # the 11th node joins
after = {k: ring.node_for(k) for k in keys}
moved = [k for k in keys if before[k] != after[k]]
share = len(moved) / len(keys)
print(f"ring, 10 -> 11 nodes: {share:.1%} of keys moved (ideal 1/11 = {1 / 11:.1%})")
assert all(after[k] == "cache-10" for k in moved)  # keys only move TO the new node, never between old ones
assert abs(share - 1 / 11) < 0.03

modulo_moved = sum(1 for k in keys if ring_position(k) % 10 != ring_position(k) % 11) / len(keys)
print(f"hash mod N, 10 -> 11 nodes: {modulo_moved:.1%} of keys moved (about 10/11)")
assert modulo_moved > 0.85

ring.remove("cache-10")  # leaving restores the old placement exactly
assert all(ring.node_for(k) == before[k] for k in keys)

one_token = spread(HashRing(nodes, vnodes=1), keys)
many_tokens = spread(HashRing(nodes, vnodes=200), keys)
print(f"busiest node vs fair share: {one_token:.2f}x with 1 token per node, {many_tokens:.2f}x with 200")
assert many_tokens < 1.25 < one_token

preference = ring.replicas_for("user:42", 3)
assert len(set(preference)) == 3 and preference[0] == ring.node_for("user:42")
