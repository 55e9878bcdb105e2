"""Periods whose net change is exactly k: prefix sums, and a count of how often each prefix sum occurred.

The period (i, j] sums to k exactly when prefix[j] - prefix[i] == k, so at each j add how many earlier
prefixes equal prefix[j] - k. Time O(n) expected; space O(n) for the counts. Works with negative changes,
where a sliding window does not.
"""

from __future__ import annotations

from collections import Counter


def periods_with_change(changes: list[int], k: int) -> int:
    """How many non-empty runs of consecutive changes sum to exactly k."""
    seen = Counter({0: 1})  # the empty prefix
    prefix = count = 0
    for change in changes:
        prefix += change
        count += seen[prefix - k]
        seen[prefix] += 1
    return count
