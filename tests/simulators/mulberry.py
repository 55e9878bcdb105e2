"""lib/random.js's seeded generator (mulberry32) in Python, as a `random.Random` whose `uniform` is the standard
library's own (a + (b - a) * random()), so a Python reference fed this source draws exactly what the simulator
draws."""

from __future__ import annotations

import random

MASK = 0xFFFFFFFF


def _imul(a: int, b: int) -> int:
    return (a * b) & MASK


class Mulberry32(random.Random):
    def __init__(self, seed: int) -> None:
        self._state = seed & MASK
        super().__init__(seed)

    def seed(self, *args, **kwargs) -> None:  # random.Random.__init__ calls seed(); the state is ours
        pass

    def random(self) -> float:
        self._state = (self._state + 0x6D2B79F5) & MASK
        t = self._state
        t = _imul(t ^ (t >> 15), t | 1)
        t ^= (t + _imul(t ^ (t >> 7), t | 61)) & MASK
        return ((t ^ (t >> 14)) & MASK) / 4294967296
