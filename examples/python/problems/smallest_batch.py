"""Shortest run of messages reaching a size: a sliding window over positive sizes.

Sizes are positive, so growing the window only raises its total and shrinking only lowers it: after each step
on the right, shrink from the left while the total still reaches the target. Time O(n); space O(1).
"""

from __future__ import annotations


def shortest_batch(sizes: list[int], target: int) -> int:
    """The fewest consecutive messages whose sizes add up to at least `target`, or 0 if none do."""
    best = len(sizes) + 1
    total = left = 0
    for right, size in enumerate(sizes):
        total += size
        while total >= target:
            best = min(best, right - left + 1)
            total -= sizes[left]
            left += 1
    return best if best <= len(sizes) else 0
