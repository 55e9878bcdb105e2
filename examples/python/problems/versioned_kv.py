"""A key-value store that reads as of a time: per key, parallel lists of timestamps and values.

Writes for one key arrive in increasing time, so each list stays sorted by appending. Time: `set` O(1)
amortised; `get` a binary search, O(log v) for v versions of the key. Space O(total versions).
"""

from __future__ import annotations

import bisect


class VersionedStore:
    def __init__(self) -> None:
        self._times: dict[str, list[int]] = {}
        self._values: dict[str, list[str]] = {}

    def set(self, key: str, value: str, at: int) -> None:
        times = self._times.setdefault(key, [])
        if times and at <= times[-1]:
            raise ValueError(f"{key!r}: time {at} is not after the last write at {times[-1]}")
        times.append(at)
        self._values.setdefault(key, []).append(value)

    def get(self, key: str, at: int) -> str | None:
        """The value written last at or before `at`, or None if the key had no value then."""
        times = self._times.get(key, [])
        i = bisect.bisect_right(times, at)  # versions [0, i) were written at or before `at`
        return self._values[key][i - 1] if i else None
