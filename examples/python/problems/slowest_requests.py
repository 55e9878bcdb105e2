"""The K slowest requests so far: a min-heap of size k whose root is the fastest of the slow ones.

Time O(log k) per `add`, O(k log k) per `slowest` (it sorts a copy). Space O(k), whatever the stream's length.
"""

from __future__ import annotations

import heapq


class SlowestK:
    def __init__(self, k: int) -> None:
        self.k = k
        self._heap: list[tuple[int, str]] = []  # (milliseconds, request id); the root is the smallest kept

    def add(self, request_id: str, ms: int) -> None:
        entry = (ms, request_id)
        if len(self._heap) < self.k:
            heapq.heappush(self._heap, entry)
        elif self.k and entry > self._heap[0]:
            heapq.heapreplace(self._heap, entry)  # the new one beats the weakest kept: swap them

    def slowest(self) -> list[tuple[int, str]]:
        """The kept requests, slowest first; equal times are ordered by request id, larger first."""
        return sorted(self._heap, reverse=True)
