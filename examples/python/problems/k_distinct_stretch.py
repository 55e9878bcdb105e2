"""Longest stretch with at most k distinct endpoints: a sliding window with a count per endpoint.

Grow on the right; while the window holds more than k distinct endpoints, shrink from the left. Time O(n),
each index enters and leaves once; space O(k) for the counts.
"""

from __future__ import annotations


def longest_stretch(endpoints: list[str], k: int) -> int:
    counts: dict[str, int] = {}  # endpoint -> calls in the window; only endpoints with calls are keys
    best = left = 0
    for right, endpoint in enumerate(endpoints):
        counts[endpoint] = counts.get(endpoint, 0) + 1
        while len(counts) > k:
            counts[endpoints[left]] -= 1
            if counts[endpoints[left]] == 0:
                del counts[endpoints[left]]  # len(counts) must count only endpoints in the window
            left += 1
        best = max(best, right - left + 1)
    return best
