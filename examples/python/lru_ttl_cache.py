"""An LRU cache whose entries also expire: the coding round's model answer (practice/transcripts/coding-lru-cache).

get and put are O(1): a dict finds the node, a doubly linked list with a sentinel keeps recency (most recent
next to the head). Each node stores its expiry time; an expired entry is dropped when a get finds it (lazy
expiry), so no background thread is needed. The clock is a parameter, so tests control time.
A lock makes each operation atomic when threads share the cache: a get moves a node, so even reads write.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Hashable
from typing import Any


class _Node:
    __slots__ = ("key", "value", "expires_at", "prev", "next")

    def __init__(self, key: Hashable = None, value: Any = None, expires_at: float = 0.0) -> None:
        self.key, self.value, self.expires_at = key, value, expires_at
        self.prev: _Node = self
        self.next: _Node = self


class LRUTTLCache:
    def __init__(self, capacity: int, ttl: float, clock: Callable[[], float] = time.monotonic) -> None:
        if capacity <= 0 or ttl <= 0:
            raise ValueError("capacity and ttl must be positive")
        self.capacity, self.ttl, self.clock = capacity, ttl, clock
        self.nodes: dict[Hashable, _Node] = {}
        self.head = _Node()  # sentinel: head.next is the most recent entry, head.prev the least recent
        self.lock = threading.Lock()

    def _unlink(self, node: _Node) -> None:
        node.prev.next, node.next.prev = node.next, node.prev

    def _push_front(self, node: _Node) -> None:
        node.prev, node.next = self.head, self.head.next
        self.head.next.prev = node
        self.head.next = node

    def _remove(self, node: _Node) -> None:
        self._unlink(node)
        del self.nodes[node.key]

    def get(self, key: Hashable, default: Any = None) -> Any:
        with self.lock:
            node = self.nodes.get(key)
            if node is None:
                return default
            if node.expires_at <= self.clock():
                self._remove(node)  # lazy expiry: the reader pays, once
                return default
            self._unlink(node)
            self._push_front(node)
            return node.value

    def put(self, key: Hashable, value: Any, ttl: float | None = None) -> None:
        with self.lock:
            expires_at = self.clock() + (self.ttl if ttl is None else ttl)
            node = self.nodes.get(key)
            if node is not None:
                node.value, node.expires_at = value, expires_at
                self._unlink(node)
                self._push_front(node)
                return
            if len(self.nodes) == self.capacity:
                self._remove(self.head.prev)  # the least recently used, expired or not
            node = _Node(key, value, expires_at)
            self.nodes[key] = node
            self._push_front(node)

    def __len__(self) -> int:
        return len(self.nodes)


class FakeClock:
    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


if __name__ == "__main__":
    clock = FakeClock()
    cache = LRUTTLCache(capacity=2, ttl=10, clock=clock)
    cache.put("a", 1)
    cache.put("b", 2)
    assert cache.get("a") == 1  # a is now the most recent
    cache.put("c", 3)  # full: evicts b, the least recently used
    assert cache.get("b") is None and cache.get("a") == 1 and cache.get("c") == 3

    clock.now = 9.999
    assert cache.get("a") == 1  # still fresh: a read does not extend the ttl
    clock.now = 10.0
    assert cache.get("a") is None and len(cache) == 1  # expired exactly at put time + ttl, and removed

    cache.put("c", 30, ttl=1)  # an update refreshes value and expiry
    clock.now = 10.5
    assert cache.get("c") == 30
    clock.now = 11.0
    assert cache.get("c", "gone") == "gone" and len(cache) == 0

    for bad in ((0, 1), (1, 0)):
        try:
            LRUTTLCache(*bad)
        except ValueError:
            pass
        else:
            raise AssertionError(f"{bad} must be rejected")

    # Property test against a brute force: a list of (key, value, expires_at), most recent first, O(n) per
    # operation and obviously right. Random gets, puts and clock steps on a few keys hit every branch.
    import random

    rng = random.Random(2026)
    for _ in range(400):
        clock = FakeClock()
        capacity, ttl = rng.randint(1, 4), rng.choice([1.0, 2.5, 5.0])
        cache, model = LRUTTLCache(capacity, ttl, clock), []
        for step in range(rng.randint(1, 80)):
            key = rng.randint(0, 5)
            found = next((i for i, entry in enumerate(model) if entry[0] == key), None)
            roll = rng.random()
            if roll < 0.2:
                clock.now += rng.choice([0.5, 1.0, 2.0])
            elif roll < 0.6:
                expected = None
                if found is not None:
                    entry = model.pop(found)
                    if entry[2] > clock.now:
                        expected = entry[1]
                        model.insert(0, entry)
                assert cache.get(key) == expected, (step, key)
            else:
                own_ttl = rng.choice([None, 0.5, 3.0])
                if found is not None:
                    model.pop(found)
                elif len(model) == capacity:
                    model.pop()
                model.insert(0, (key, step, clock.now + (ttl if own_ttl is None else own_ttl)))
                cache.put(key, step, own_ttl)
            assert len(cache) == len(model) <= capacity

    # Threads: 8 threads hammer a shared cache; the lock keeps the list and the dict consistent.
    shared = LRUTTLCache(capacity=50, ttl=60)

    def work(seed: int) -> None:
        r = random.Random(seed)
        for _ in range(2000):
            k = r.randint(0, 99)
            if r.random() < 0.5:
                shared.put(k, k)
            else:
                assert shared.get(k) in (None, k)

    threads = [threading.Thread(target=work, args=(s,)) for s in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    walked, node = [], shared.head.next
    while node is not shared.head:
        walked.append(node.key)
        node = node.next
    assert len(walked) == len(shared.nodes) <= 50 and set(walked) == set(shared.nodes)
    print("ok:", len(shared), "entries after the threaded run")
