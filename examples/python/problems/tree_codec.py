"""Serialise and restore a binary tree: preorder with "#" for each missing child, comma-separated.

Both directions use an explicit stack, so a 100,000-deep tree does not hit Python's recursion limit.
Time O(n) each way; space O(n) for the output and O(h) for the stack.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass
class Node:
    key: int
    left: Node | None = None
    right: Node | None = None


def serialise(root: Node | None) -> str:
    out, stack = [], [root]
    while stack:
        node = stack.pop()
        if node is None:
            out.append("#")
        else:
            out.append(str(node.key))
            stack.append(node.right)  # pushed first, so the left subtree is written first
            stack.append(node.left)
    return ",".join(out)


def deserialise(text: str) -> Node | None:
    """Rebuild the tree `serialise` wrote; ValueError on text that is not exactly one tree."""
    tokens = text.split(",")
    if tokens[0] == "#":
        if len(tokens) > 1:
            raise ValueError("tokens after an empty tree")
        return None
    root = Node(int(tokens[0]))
    pending = [[root, 0]]  # nodes still missing a child, and which one: 0 = left next, 1 = right next
    for position, token in enumerate(tokens[1:], 1):
        if not pending:
            raise ValueError(f"token {position} comes after the tree is complete")
        child = None if token == "#" else Node(int(token))
        parent = pending[-1]
        if parent[1] == 0:
            parent[0].left, parent[1] = child, 1
        else:
            parent[0].right = child
            pending.pop()  # both children known
        if child is not None:
            pending.append([child, 0])  # preorder: the child's subtree comes next
    if pending:
        raise ValueError("the text ends before the tree is complete")
    return root
