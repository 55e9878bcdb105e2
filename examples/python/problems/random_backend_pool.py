"""Add, remove and pick a random backend in O(1): a list for uniform picks, a map from name to list index.

Removing swaps the last backend into the removed one's slot, so the list never has holes. Time O(1) per
operation (hash operations expected O(1)); space O(n).
"""

from __future__ import annotations

import random


class BackendPool:
    def __init__(self) -> None:
        self._names: list[str] = []
        self._index: dict[str, int] = {}

    def add(self, name: str) -> bool:
        """Add a backend; False if it was already in the pool."""
        if name in self._index:
            return False
        self._index[name] = len(self._names)
        self._names.append(name)
        return True

    def remove(self, name: str) -> bool:
        """Remove a backend; False if it was not in the pool."""
        i = self._index.pop(name, None)
        if i is None:
            return False
        last = self._names.pop()
        if last != name:  # fill the hole with the last backend
            self._names[i] = last
            self._index[last] = i
        return True

    def pick(self, rng: random.Random) -> str:
        """A backend chosen uniformly at random; IndexError if the pool is empty."""
        if not self._names:
            raise IndexError("the pool is empty")
        return self._names[rng.randrange(len(self._names))]
