"""Lowest common ancestor, three ways an interviewer asks it.

1. In a BST: walk down from the root until the two keys split. O(h) time, O(1) space.
2. In any binary tree (no parent pointers): one post-order pass. O(n) time, O(h) space for the recursion.
3. With parent pointers ("the closest manager two employees share", "the common directory of two paths"):
   lift the deeper node to the same depth, then climb both together. O(depth) time, O(1) extra space.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass
class TreeNode:
    val: int
    left: TreeNode | None = None
    right: TreeNode | None = None


def lca_bst(root: TreeNode | None, p: int, q: int) -> int | None:
    """Both keys must be in the tree. The answer is the first node whose key lies between p and q."""
    lo, hi = min(p, q), max(p, q)
    node = root
    while node is not None:
        if hi < node.val:
            node = node.left
        elif lo > node.val:
            node = node.right
        else:
            return node.val
    return None


def lca_binary_tree(root: TreeNode | None, p: int, q: int) -> int | None:
    """Works without ordering. Returns None unless both p and q are present (a common follow-up trap)."""
    found = set()

    def walk(node: TreeNode | None) -> TreeNode | None:
        if node is None:
            return None
        left, right = walk(node.left), walk(node.right)  # visit children first so both targets are seen
        if node.val in (p, q):
            found.add(node.val)
            return node
        if left is not None and right is not None:
            return node  # p on one side, q on the other
        return left if left is not None else right

    answer = walk(root)
    return answer.val if answer is not None and found == {p, q} else None


def lca_with_parents(parent: dict[str, str | None], a: str, b: str) -> str:
    """`parent` maps each node to its parent (the root maps to None). Raises KeyError for an unknown node."""

    def depth(n: str) -> int:
        d = 0
        while parent[n] is not None:
            n, d = parent[n], d + 1
        return d

    da, db = depth(a), depth(b)
    while da > db:
        a, da = parent[a], da - 1
    while db > da:
        b, db = parent[b], db - 1
    while a != b:
        a, b = parent[a], parent[b]
    return a


if __name__ == "__main__":
    #         20
    #       /    \
    #      10     30
    #     /  \      \
    #    5    15     40
    #        /
    #      12
    root = TreeNode(20, TreeNode(10, TreeNode(5), TreeNode(15, TreeNode(12))), TreeNode(30, None, TreeNode(40)))
    assert lca_bst(root, 5, 12) == 10
    assert lca_bst(root, 12, 40) == 20
    assert lca_bst(root, 15, 12) == 15  # a node is its own ancestor
    assert lca_bst(None, 1, 2) is None

    assert lca_binary_tree(root, 5, 12) == 10
    assert lca_binary_tree(root, 40, 30) == 30
    assert lca_binary_tree(root, 5, 99) is None  # 99 is missing: no answer, not "5"
    assert lca_binary_tree(None, 1, 2) is None

    org = {"ceo": None, "cto": "ceo", "cfo": "ceo", "eng-mgr": "cto", "alice": "eng-mgr", "bob": "eng-mgr"}
    org |= {"sre-lead": "cto", "carol": "sre-lead", "dave": "cfo"}
    assert lca_with_parents(org, "alice", "bob") == "eng-mgr"
    assert lca_with_parents(org, "alice", "carol") == "cto"
    assert lca_with_parents(org, "carol", "dave") == "ceo"
    assert lca_with_parents(org, "cto", "alice") == "cto"
    assert lca_with_parents(org, "ceo", "ceo") == "ceo"
    try:
        lca_with_parents(org, "alice", "mallory")
    except KeyError:
        pass
    else:
        raise AssertionError("an unknown employee must raise")

    # randomized, against ancestor-set intersection: the LCA is the deepest node among the common ancestors
    import random

    def parents_of(root: TreeNode | None) -> dict[int, int | None]:
        parents: dict[int, int | None] = {}
        stack = [(root, None)] if root else []
        while stack:
            node, parent = stack.pop()
            parents[node.val] = parent
            stack += [(child, node.val) for child in (node.left, node.right) if child is not None]
        return parents

    def brute_lca(parents: dict, a, b):
        def ancestors(n) -> list:  # n itself, its parent, ..., the root
            chain = [n]
            while parents[chain[-1]] is not None:
                chain.append(parents[chain[-1]])
            return chain

        common = set(ancestors(a)) & set(ancestors(b))
        return next(n for n in ancestors(a) if n in common)  # the first one met climbing up is the deepest

    rng = random.Random(5)
    for _ in range(300):
        # a random BST (insert distinct keys in random order) for lca_bst
        keys = rng.sample(range(100), rng.randint(1, 25))
        bst_root = TreeNode(keys[0])
        for k in keys[1:]:
            node = bst_root
            while True:
                side = "left" if k < node.val else "right"
                if getattr(node, side) is None:
                    setattr(node, side, TreeNode(k))
                    break
                node = getattr(node, side)
        # a random binary tree of any shape, values not ordered, for lca_binary_tree
        values = rng.sample(range(100), rng.randint(1, 25))
        nodes = [TreeNode(values[0])]
        for v in values[1:]:
            parent = rng.choice([n for n in nodes if n.left is None or n.right is None])
            side = rng.choice([s for s in ("left", "right") if getattr(parent, s) is None])
            setattr(parent, side, TreeNode(v))
            nodes.append(getattr(parent, side))
        for root, present, solve in ((bst_root, keys, lca_bst), (nodes[0], values, lca_binary_tree)):
            parents = parents_of(root)
            for _ in range(5):
                a, b = rng.choice(present), rng.choice(present)
                assert solve(root, a, b) == brute_lca(parents, a, b), (root, a, b)
        missing = next(v for v in range(100, 200) if v not in values)
        assert lca_binary_tree(nodes[0], rng.choice(values), missing) is None
        # the parent-pointer version on a random org chart: each new employee reports to an earlier one
        chart: dict[str, str | None] = {"e0": None}
        for i in range(1, rng.randint(1, 30)):
            chart[f"e{i}"] = f"e{rng.randrange(i)}"
        a, b = rng.choice(list(chart)), rng.choice(list(chart))
        assert lca_with_parents(chart, a, b) == brute_lca(chart, a, b)
    print("closest shared manager of alice and carol:", lca_with_parents(org, "alice", "carol"))
