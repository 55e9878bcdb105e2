"""Lowest common manager: lift the deeper employee to the other's depth, then climb both until they meet.

Time O(h), where h is the depth of the org chart (one walk up from each person to measure depth, one to
meet). Space O(1) beyond the input map.
"""

from __future__ import annotations


def lowest_common_manager(manager: dict[str, str | None], a: str, b: str) -> str:
    """The lowest person who is, or manages (directly or not), both a and b. The CEO's manager is None."""

    def depth(person: str) -> int:
        steps = 0
        while manager[person] is not None:
            person = manager[person]
            steps += 1
        return steps

    depth_a, depth_b = depth(a), depth(b)
    for _ in range(depth_a - depth_b):
        a = manager[a]
    for _ in range(depth_b - depth_a):
        b = manager[b]
    while a != b:  # same depth now: climb in step until the paths join
        a, b = manager[a], manager[b]
    return a
