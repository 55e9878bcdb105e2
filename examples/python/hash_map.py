"""A hash map with separate chaining that doubles when the load factor passes 0.75.

get/put/delete are O(1) on average and O(n) in the worst case (every key in one bucket). A resize rehashes
all n entries, O(n), but doubling makes it rare: n inserts cost O(n) in total, O(1) amortised each.
"""

from collections.abc import Hashable
from typing import Any


class ChainedHashMap:
    MAX_LOAD = 0.75  # Java's HashMap default; CPython's dict resizes at 2/3 full (open addressing)

    def __init__(self, capacity: int = 8) -> None:
        if capacity < 1 or capacity & (capacity - 1):
            raise ValueError("capacity must be a power of two")  # so `hash & (capacity - 1)` picks a bucket
        self.buckets: list[list[tuple[Hashable, Any]]] = [[] for _ in range(capacity)]
        self.size = 0
        self.resizes = 0

    def _bucket(self, key: Hashable) -> list[tuple[Hashable, Any]]:
        return self.buckets[hash(key) & (len(self.buckets) - 1)]

    def put(self, key: Hashable, value: Any) -> None:
        bucket = self._bucket(key)
        for i, (k, _) in enumerate(bucket):
            if k == key:  # equal keys must have equal hashes: the __eq__/__hash__ contract
                bucket[i] = (key, value)
                return
        bucket.append((key, value))
        self.size += 1
        if self.size / len(self.buckets) > self.MAX_LOAD:
            self._resize(2 * len(self.buckets))

    def get(self, key: Hashable, default: Any = None) -> Any:
        for k, v in self._bucket(key):
            if k == key:
                return v
        return default

    def delete(self, key: Hashable) -> bool:
        bucket = self._bucket(key)
        for i, (k, _) in enumerate(bucket):
            if k == key:
                bucket.pop(i)
                self.size -= 1
                return True
        return False

    def _resize(self, capacity: int) -> None:
        old = self.buckets
        self.buckets = [[] for _ in range(capacity)]
        for bucket in old:
            for k, v in bucket:
                self._bucket(k).append((k, v))
        self.resizes += 1

    def longest_chain(self) -> int:
        return max(len(b) for b in self.buckets)


class BadHash:
    """A key whose hash is constant: what an attacker achieves with hash flooding."""

    def __init__(self, name: str) -> None:
        self.name = name

    def __hash__(self) -> int:
        return 42

    def __eq__(self, other: object) -> bool:
        return isinstance(other, BadHash) and other.name == self.name


if __name__ == "__main__":
    m = ChainedHashMap()
    for i in range(1000):
        m.put(f"user:{i}", i)
    assert m.size == 1000 and m.get("user:123") == 123 and m.get("user:1000") is None
    # 8 -> 16 -> ... -> 2048 buckets: 8 doublings, and the load factor stays at or under 0.75
    assert len(m.buckets) == 2048 and m.resizes == 8
    assert m.size / len(m.buckets) <= 0.75
    assert m.longest_chain() < 10  # with a decent hash, chains stay short

    m.put("user:123", -1)
    assert m.get("user:123") == -1 and m.size == 1000  # overwrite, not a second entry
    assert m.delete("user:123") and not m.delete("user:123") and m.get("user:123", "gone") == "gone"

    # empty map and falsy values
    e = ChainedHashMap()
    assert e.get("x") is None and not e.delete("x") and e.size == 0
    e.put(0, 0)
    e.put("", None)
    assert e.get(0) == 0 and e.get("", "missing") is None

    # every key in one bucket: still correct, but each lookup scans the whole chain (O(n))
    bad = ChainedHashMap()
    for i in range(200):
        bad.put(BadHash(str(i)), i)
    assert bad.longest_chain() == 200 and bad.get(BadHash("199")) == 199

    try:
        ChainedHashMap(capacity=10)
    except ValueError:
        pass
    else:
        raise AssertionError("non power-of-two capacity must be rejected")
    print("buckets:", len(m.buckets), "resizes:", m.resizes, "longest chain:", m.longest_chain())
