"""A binary search tree: insert, search, delete, in-order iteration, range and floor queries.

Every operation is O(h) where h is the height: O(log n) when balanced, O(n) when keys arrive sorted
(the tree degenerates into a linked list). Space O(n) for the nodes, plus an O(h) stack for the in-order and
range walks. Production ordered maps use a self-balancing variant (red-black trees in Java's TreeMap, B+trees
in database indexes) to guarantee O(log n).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass


@dataclass
class Node:
    key: int
    value: str
    left: Node | None = None
    right: Node | None = None


class BST:
    def __init__(self) -> None:
        self.root: Node | None = None
        self.size = 0

    def put(self, key: int, value: str) -> None:
        """Insert, or overwrite the value of an existing key. Iterative, so a deep tree cannot overflow."""
        if self.root is None:
            self.root = Node(key, value)
            self.size = 1
            return
        node = self.root
        while True:
            if key == node.key:
                node.value = value
                return
            side = "left" if key < node.key else "right"
            child = getattr(node, side)
            if child is None:
                setattr(node, side, Node(key, value))
                self.size += 1
                return
            node = child

    def get(self, key: int) -> str | None:
        node = self.root
        while node is not None and node.key != key:
            node = node.left if key < node.key else node.right
        return None if node is None else node.value

    def delete(self, key: int) -> bool:
        """Remove key; return whether it was present. Two children: replace by the in-order successor."""
        parent, node = None, self.root
        while node is not None and node.key != key:
            parent, node = node, (node.left if key < node.key else node.right)
        if node is None:
            return False
        if node.left is not None and node.right is not None:
            succ_parent, succ = node, node.right
            while succ.left is not None:  # smallest key of the right subtree
                succ_parent, succ = succ, succ.left
            node.key, node.value = succ.key, succ.value
            parent, node = succ_parent, succ  # now delete the successor, which has no left child
        child = node.left if node.left is not None else node.right
        if parent is None:
            self.root = child
        elif parent.left is node:
            parent.left = child
        else:
            parent.right = child
        self.size -= 1
        return True

    def items(self) -> Iterator[tuple[int, str]]:
        """In-order traversal with an explicit stack: keys come out sorted."""
        stack: list[Node] = []
        node = self.root
        while stack or node is not None:
            while node is not None:
                stack.append(node)
                node = node.left
            node = stack.pop()
            yield node.key, node.value
            node = node.right

    def range(self, lo: int, hi: int) -> list[int]:
        """Sorted keys in [lo, hi]: an in-order walk that skips what is out of range. O(h + number of results)."""
        out: list[int] = []
        stack: list[Node] = []
        node = self.root
        while stack or node is not None:
            while node is not None:
                if node.key < lo:  # this node and its whole left subtree are below the range
                    node = node.right
                else:
                    stack.append(node)
                    node = node.left
            if not stack:
                break
            node = stack.pop()
            if node.key > hi:  # in-order: every later key is larger still
                break
            out.append(node.key)
            node = node.right
        return out

    def floor(self, key: int) -> int | None:
        """Largest key <= key (e.g. the price tier or the config version in force at a timestamp)."""
        best, node = None, self.root
        while node is not None:
            if node.key == key:
                return key
            if node.key < key:
                best, node = node.key, node.right
            else:
                node = node.left
        return best

    def height(self) -> int:
        def h(node: Node | None) -> int:
            return 0 if node is None else 1 + max(h(node.left), h(node.right))

        return h(self.root)


if __name__ == "__main__":
    t = BST()
    for k in [50, 30, 70, 20, 40, 60, 80, 35, 45]:
        t.put(k, f"v{k}")
    assert [k for k, _ in t.items()] == [20, 30, 35, 40, 45, 50, 60, 70, 80]
    assert t.get(45) == "v45" and t.get(46) is None
    t.put(45, "new")
    assert t.get(45) == "new" and t.size == 9  # overwrite does not grow the tree
    assert t.range(33, 62) == [35, 40, 45, 50, 60]
    assert t.range(0, 100) == [20, 30, 35, 40, 45, 50, 60, 70, 80]
    assert t.range(81, 90) == [] and t.range(46, 49) == []
    assert t.floor(44) == 40 and t.floor(50) == 50 and t.floor(10) is None

    assert t.delete(20)  # a leaf
    assert t.delete(30)  # one child (40's subtree moves up)
    assert t.delete(50)  # the root, two children: replaced by its successor 60
    assert not t.delete(999)
    assert [k for k, _ in t.items()] == [35, 40, 45, 60, 70, 80]
    assert t.root is not None and t.root.key == 60 and t.size == 6

    # empty tree
    e = BST()
    assert list(e.items()) == [] and e.get(1) is None and not e.delete(1) and e.floor(1) is None
    assert e.range(0, 10) == [] and e.height() == 0

    # sorted inserts degenerate into a list: height n instead of about log2(n)
    s = BST()
    for k in range(200):
        s.put(k, "")
    assert s.height() == 200

    # randomized, against a plain dict read in sorted order: random puts, gets, deletes, range and floor
    # queries on small key ranges (so that overwrites, missing keys and deletes of inner nodes are frequent)
    import random

    rng = random.Random(11)
    for _ in range(300):
        tree, model = BST(), {}
        for _ in range(rng.randint(0, 40)):
            key = rng.randint(0, 30)
            op = rng.random()
            if op < 0.5:
                tree.put(key, f"v{key}.{op:.3f}")
                model[key] = f"v{key}.{op:.3f}"
            elif op < 0.75:
                assert tree.delete(key) == (key in model)
                model.pop(key, None)
            else:
                assert tree.get(key) == model.get(key)
            lo, hi = sorted((rng.randint(-2, 32), rng.randint(-2, 32)))
            assert tree.range(lo, hi) == sorted(k for k in model if lo <= k <= hi)
            assert tree.floor(key) == max((k for k in model if k <= key), default=None)
        assert list(tree.items()) == sorted(model.items())
        assert tree.size == len(model) and tree.height() <= len(model)
    print("in order:", [k for k, _ in t.items()], "height after sorted inserts:", s.height())
