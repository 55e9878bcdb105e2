"""Serialize a binary tree to a string and back: pre-order with a marker for missing children.

"Send this tree over the wire / store it in a cache." A pre-order walk alone is ambiguous (many trees
give the same order); recording each missing child as "#" makes the encoding unique. n nodes produce
2n + 1 tokens. Encode and decode are O(n) time and O(n) space, both iterative (no recursion limit).
"""

from __future__ import annotations

from dataclasses import dataclass

NULL = "#"


@dataclass
class TreeNode:
    val: int
    left: TreeNode | None = None
    right: TreeNode | None = None


def encode(root: TreeNode | None) -> str:
    out: list[str] = []
    stack: list[TreeNode | None] = [root]
    while stack:
        node = stack.pop()
        if node is None:
            out.append(NULL)
            continue
        out.append(str(node.val))
        stack.append(node.right)  # pushed first, so the left subtree is written first
        stack.append(node.left)
    return ",".join(out)


def decode(data: str) -> TreeNode | None:
    """Rebuild the tree; raise ValueError on a truncated or over-long string instead of guessing."""
    tokens = data.split(",")
    if tokens[0] == NULL:
        if len(tokens) != 1:
            raise ValueError("tokens after an empty tree")
        return None
    root = TreeNode(int(tokens[0]))
    # each stack entry is a node still waiting for a child: (node, "left" or "right")
    pending: list[tuple[TreeNode, str]] = [(root, "right"), (root, "left")]
    for i, tok in enumerate(tokens[1:], start=1):
        if not pending:
            raise ValueError(f"unexpected token {tok!r} at position {i}: the tree is already complete")
        parent, side = pending.pop()
        if tok == NULL:
            continue
        child = TreeNode(int(tok))
        setattr(parent, side, child)
        pending.append((child, "right"))
        pending.append((child, "left"))
    if pending:
        raise ValueError(f"truncated input: {len(pending)} child slot(s) never filled")
    return root


if __name__ == "__main__":
    #      1
    #     / \
    #    2   3
    #       / \
    #      4   5
    tree = TreeNode(1, TreeNode(2), TreeNode(3, TreeNode(4), TreeNode(5)))
    s = encode(tree)
    assert s == "1,2,#,#,3,4,#,#,5,#,#"
    assert len(s.split(",")) == 2 * 5 + 1
    assert decode(s) == tree  # dataclass equality compares the whole structure
    assert encode(decode(s)) == s

    # same pre-order values, different shapes, different encodings
    left_chain = TreeNode(1, TreeNode(2))
    right_chain = TreeNode(1, None, TreeNode(2))
    assert encode(left_chain) == "1,2,#,#,#" and encode(right_chain) == "1,#,2,#,#"
    assert decode(encode(right_chain)) == right_chain

    # edge cases: empty tree, negative values, a deep chain (no recursion limit)
    assert encode(None) == "#" and decode("#") is None
    assert decode(encode(TreeNode(-7))) == TreeNode(-7)
    deep = None
    for v in range(5000):
        deep = TreeNode(v, deep)
    assert encode(decode(encode(deep))) == encode(deep)

    for bad in ["1,2", "1,#,#,#", "#,#"]:
        try:
            decode(bad)
        except ValueError:
            pass
        else:
            raise AssertionError(f"{bad!r} must be rejected")

    # randomized round trips: random shapes and values (negatives included); the encoding is also unique,
    # so two trees with the same string are the same tree; dropping or adding a token is always rejected
    import random

    rng = random.Random(9)
    seen: dict[str, TreeNode | None] = {}
    for _ in range(500):
        n = rng.randint(0, 12)
        nodes = [TreeNode(rng.randint(-3, 3)) for _ in range(n)]
        for i in range(1, n):  # attach node i to a free slot of an earlier node
            parent = rng.choice([p for p in nodes[:i] if p.left is None or p.right is None])
            side = rng.choice([s for s in ("left", "right") if getattr(parent, s) is None])
            setattr(parent, side, nodes[i])
        root = nodes[0] if nodes else None
        text = encode(root)
        assert len(text.split(",")) == 2 * n + 1
        assert decode(text) == root and encode(decode(text)) == text
        assert seen.setdefault(text, root) == root
        for bad in (text.rsplit(",", 1)[0] if n else "", text + ",#", text + ",0"):
            try:
                decode(bad)
            except ValueError:
                pass
            else:
                raise AssertionError(f"{bad!r} must be rejected")
    print("encoded:", s)
