"""An LRU cache with O(1) get and put: a hash map for lookup plus a doubly linked list for recency.

The map points at list nodes; the list keeps the most recently used entry next to the head and the least
recently used next to the tail, so eviction and "move to front" are pointer swaps. Space O(capacity).
(In Python, collections.OrderedDict with move_to_end and popitem(last=False) gives the same in a few lines;
interviewers usually want the linked list written out.)
"""

from __future__ import annotations

from typing import Any


class _Node:
    __slots__ = ("key", "value", "prev", "next")

    def __init__(self, key: Any = None, value: Any = None) -> None:
        self.key, self.value = key, value
        self.prev: _Node = self
        self.next: _Node = self


class LRUCache:
    def __init__(self, capacity: int) -> None:
        if capacity <= 0:
            raise ValueError("capacity must be positive")
        self.capacity = capacity
        self.map: dict[Any, _Node] = {}
        self.head = _Node()  # sentinel: head.next is the most recent, head.prev the least recent
        self.evictions = 0

    def _unlink(self, node: _Node) -> None:
        node.prev.next, node.next.prev = node.next, node.prev

    def _push_front(self, node: _Node) -> None:
        node.prev, node.next = self.head, self.head.next
        self.head.next.prev = node
        self.head.next = node

    def get(self, key: Any, default: Any = None) -> Any:
        node = self.map.get(key)
        if node is None:
            return default
        self._unlink(node)
        self._push_front(node)  # a read makes the entry recent
        return node.value

    def put(self, key: Any, value: Any) -> None:
        node = self.map.get(key)
        if node is not None:
            node.value = value
            self._unlink(node)
            self._push_front(node)
            return
        if len(self.map) == self.capacity:
            lru = self.head.prev
            self._unlink(lru)
            del self.map[lru.key]  # the node stores its key so eviction can clean the map
            self.evictions += 1
        node = _Node(key, value)
        self.map[key] = node
        self._push_front(node)

    def keys_recent_first(self) -> list[Any]:
        out, node = [], self.head.next
        while node is not self.head:
            out.append(node.key)
            node = node.next
        return out


if __name__ == "__main__":
    c = LRUCache(3)
    for k in "abc":
        c.put(k, k.upper())
    assert c.keys_recent_first() == ["c", "b", "a"]
    assert c.get("a") == "A"  # touching a saves it
    c.put("d", "D")  # evicts b, the least recently used
    assert c.get("b") is None and c.keys_recent_first() == ["d", "a", "c"]
    c.put("c", "C2")  # update counts as use and does not evict
    assert c.keys_recent_first() == ["c", "d", "a"] and c.evictions == 1 and c.get("c") == "C2"

    # capacity 1, a stored None, and a miss with a default
    one = LRUCache(1)
    one.put("x", None)
    assert one.get("x", "miss") is None
    one.put("y", 1)
    assert one.get("x", "miss") == "miss" and one.keys_recent_first() == ["y"]

    # a one-off scan of many keys flushes the hot key: the weakness LFU and W-TinyLFU address
    s = LRUCache(100)
    s.put("hot", 1)
    for i in range(100):
        s.put(f"scan:{i}", i)
    assert s.get("hot") is None

    try:
        LRUCache(0)
    except ValueError:
        pass
    else:
        raise AssertionError("capacity 0 must be rejected")

    # randomized, against a plain list kept most recent first (O(n) per operation, obviously right):
    # random gets and puts on a few keys with capacities 1 to 5, so hits, updates and evictions all happen
    import random

    rng = random.Random(17)
    for _ in range(300):
        capacity = rng.randint(1, 5)
        cache, model, evictions = LRUCache(capacity), [], 0  # model: [(key, value)], most recent first
        for step in range(rng.randint(0, 60)):
            key = rng.randint(0, 7)
            found = next((i for i, (k, _) in enumerate(model) if k == key), None)
            if rng.random() < 0.5:
                expected = None if found is None else model[found][1]
                if found is not None:
                    model.insert(0, model.pop(found))
                assert cache.get(key) == expected
            else:
                if found is not None:
                    model.pop(found)
                elif len(model) == capacity:
                    model.pop()  # the least recently used is last
                    evictions += 1
                model.insert(0, (key, step))
                cache.put(key, step)
            assert cache.keys_recent_first() == [k for k, _ in model]
        assert cache.evictions == evictions and len(cache.map) == len(model) <= capacity
    print("recent first:", c.keys_recent_first())
