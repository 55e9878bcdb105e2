"""Is this a valid search tree? Walk down with the open interval every key in a subtree must fall in.

Time O(n): each node is checked once. Space O(h) for the explicit stack (h is the height), so a
100,000-deep chain does not hit Python's recursion limit.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass
class Node:
    key: int
    left: Node | None = None
    right: Node | None = None


def is_search_tree(root: Node | None) -> bool:
    """True if every key is greater than all keys in its left subtree and less than all in its right one."""
    stack = [(root, None, None)]  # node, exclusive lower bound, exclusive upper bound (None: unbounded)
    while stack:
        node, low, high = stack.pop()
        if node is None:
            continue
        if (low is not None and node.key <= low) or (high is not None and node.key >= high):
            return False
        stack.append((node.left, low, node.key))
        stack.append((node.right, node.key, high))
    return True
