"""Expire leases in order, with renewals: a min-heap of expiry times with lazy deletion.

A renewal or release does not search the heap; it leaves the old entry behind, and `expire` skips an entry
that no longer matches the lease's current version. Each heap entry is pushed and popped once. Time:
`grant` O(log m), `release` O(1), `expire` O((r + e) log m) for r leases expired and e stale entries
skipped, where m is the heap's size. Space O(m): stale entries stay until their time comes (compact the heap when they outnumber the
live ones if renewals far outpace expiries).
"""

from __future__ import annotations

import heapq
import itertools


class Leases:
    def __init__(self) -> None:
        self._current: dict[str, tuple[int, int]] = {}  # key -> (expires_at, version)
        self._heap: list[tuple[int, str, int]] = []  # (expires_at, key, version)
        self._versions = itertools.count()

    def grant(self, key: str, expires_at: int) -> None:
        """Grant or renew: the key now expires at `expires_at`, whatever it was before."""
        version = next(self._versions)
        self._current[key] = (expires_at, version)
        heapq.heappush(self._heap, (expires_at, key, version))

    def release(self, key: str) -> None:
        self._current.pop(key, None)

    def expire(self, now: int) -> list[str]:
        """Remove and return every lease with expires_at <= now, earliest first (equal times by key)."""
        out = []
        while self._heap and self._heap[0][0] <= now:
            expires_at, key, version = heapq.heappop(self._heap)
            if self._current.get(key) == (expires_at, version):  # otherwise renewed or released since
                del self._current[key]
                out.append(key)
        return out
