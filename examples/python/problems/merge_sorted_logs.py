"""Merge k sorted logs: a min-heap holding the next unread line of each log.

Time O(N log k) for N lines in k logs (each line enters and leaves a k-sized heap once); space O(k) besides the
output. It yields lines as it goes, so it can merge files larger than memory.
"""

from __future__ import annotations

import heapq
from collections.abc import Iterator


def merge_logs(logs: list[list[tuple[int, str]]]) -> Iterator[tuple[int, str]]:
    """Each log is sorted by timestamp; yield all lines by timestamp, ties in log order, then line order."""
    heap = [(log[0][0], index, 0) for index, log in enumerate(logs) if log]
    heapq.heapify(heap)
    while heap:
        _, index, position = heap[0]
        yield logs[index][position]
        if position + 1 < len(logs[index]):
            heapq.heapreplace(heap, (logs[index][position + 1][0], index, position + 1))
        else:
            heapq.heappop(heap)
