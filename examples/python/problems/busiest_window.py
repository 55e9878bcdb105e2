"""The busiest w-second window: two pointers over the sorted event times.

Some busiest window starts exactly at an event, so for each right end keep the left pointer at the first
event less than w seconds earlier. Time O(n), each pointer only moves forward; space O(1).
"""

from __future__ import annotations


def busiest(times: list[int], w: int) -> int:
    """The most events in any window [s, s + w), for times sorted ascending."""
    best = left = 0
    for right, t in enumerate(times):
        while t - times[left] >= w:
            left += 1
        best = max(best, right - left + 1)
    return best
