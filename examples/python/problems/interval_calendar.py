"""An interval calendar that refuses overlaps: bookings kept sorted by start, checked against two neighbours.

Sorted and non-overlapping, the bookings' ends are sorted too, so a new [start, end) can only clash with the
booking just before it or the one just after it. Time per booking: O(log n) for the binary search, plus O(n)
to insert into a Python list, which shifts the later entries (a memmove, fast in practice); a balanced search
tree (a red-black tree, or `sortedcontainers.SortedList`) makes the whole booking O(log n). Space O(n).
"""

from __future__ import annotations

import bisect


class Calendar:
    def __init__(self) -> None:
        self._starts: list[int] = []
        self._ends: list[int] = []  # _ends[i] belongs to _starts[i]

    def book(self, start: int, end: int) -> bool:
        """Book [start, end) and return True, or return False (and book nothing) if it overlaps a booking."""
        if start >= end:
            raise ValueError(f"empty or reversed interval [{start}, {end})")
        i = bisect.bisect_right(self._starts, start)  # bookings before i start at or before `start`
        if i > 0 and self._ends[i - 1] > start:
            return False  # the previous booking runs past our start
        if i < len(self._starts) and self._starts[i] < end:
            return False  # the next booking starts before we end
        self._starts.insert(i, start)
        self._ends.insert(i, end)
        return True
