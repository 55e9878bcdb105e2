"""Shortest window that covers every required event: grow until covered, then shrink while still covered.

`missing` counts required types not yet in the window, so the coverage test is O(1). Time O(n + r) for n
events and r required types; space O(r).
"""

from __future__ import annotations


def covering_window(events: list[str], required: set[str]) -> tuple[int, int] | None:
    """The shortest [start, end) holding every required type at least once (leftmost if tied), or None."""
    if not required:
        return (0, 0)
    inside = dict.fromkeys(required, 0)  # required type -> occurrences in the window
    missing, best, left = len(required), None, 0
    for right, event in enumerate(events):
        if event in required:
            inside[event] += 1
            if inside[event] == 1:
                missing -= 1
        while missing == 0:
            if best is None or right + 1 - left < best[1] - best[0]:
                best = (left, right + 1)
            gone = events[left]
            left += 1
            if gone in required:
                inside[gone] -= 1
                if inside[gone] == 0:
                    missing += 1
    return best
