"""A repeated request id within k requests: a set holding the last k ids, slid along the stream.

Time O(n) on average (hash-set operations are O(1) expected); space O(k) for the window, not O(n).
"""

from __future__ import annotations


def first_repeat_within(ids: list[str], k: int) -> int | None:
    """The index j of the first request whose id also appears among the k requests before it, or None."""
    window: set[str] = set()
    for j, request_id in enumerate(ids):
        if request_id in window:
            return j
        window.add(request_id)
        if j >= k:
            window.discard(ids[j - k])  # ids[j - k] is now k + 1 requests back from the next one
    return None
