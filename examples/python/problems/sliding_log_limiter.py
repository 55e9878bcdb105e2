"""A sliding-log rate limiter: a deque of the accepted requests' times inside the current window.

Each accepted time is appended once and dropped once. Time O(n) for the whole stream; space O(limit),
since the deque never holds more than `limit` times.
"""

from __future__ import annotations

from collections import deque


def admit(times: list[float], limit: int, window: float) -> list[bool]:
    """Times arrive in order; accept a request if fewer than `limit` accepted ones fall in (t - window, t]."""
    accepted: deque[float] = deque()
    out = []
    for t in times:
        while accepted and accepted[0] <= t - window:
            accepted.popleft()  # slid out of the window
        ok = len(accepted) < limit
        if ok:
            accepted.append(t)
        out.append(ok)  # a rejected request does not count against later ones
    return out
