"""An LRU cache: a hash map from key to node, and a doubly linked list of nodes in recency order.

The map finds a node in O(1); the list moves it to the front or drops the tail in O(1). Time: `get` and `put`
O(1) each (hash operations expected O(1)); space O(capacity).
"""

from __future__ import annotations


class _Node:
    __slots__ = ("key", "value", "prev", "next")

    def __init__(self, key=None, value=None) -> None:
        self.key, self.value = key, value
        self.prev: _Node = self
        self.next: _Node = self


class LRUCache:
    def __init__(self, capacity: int) -> None:
        if capacity < 1:
            raise ValueError("capacity must be at least 1")
        self.capacity = capacity
        self._nodes: dict = {}
        self._head = _Node()  # sentinel: head.next is the most recent, head.prev the least recent

    def _unlink(self, node: _Node) -> None:
        node.prev.next, node.next.prev = node.next, node.prev

    def _push_front(self, node: _Node) -> None:
        node.prev, node.next = self._head, self._head.next
        self._head.next.prev = node
        self._head.next = node

    def get(self, key):
        """The value, now the most recently used; None if the key is absent."""
        node = self._nodes.get(key)
        if node is None:
            return None
        self._unlink(node)
        self._push_front(node)
        return node.value

    def put(self, key, value) -> None:
        node = self._nodes.get(key)
        if node is not None:
            node.value = value
            self._unlink(node)
        else:
            if len(self._nodes) == self.capacity:
                oldest = self._head.prev
                self._unlink(oldest)
                del self._nodes[oldest.key]
            node = self._nodes[key] = _Node(key, value)
        self._push_front(node)
