"""docs/assets/javascripts/simulators/lib/random.js in Python, for parity tests whose Python reference takes its
random draws from outside: the same seed gives the same draws as the simulator's."""

from __future__ import annotations

import random
from collections.abc import Callable

MASK = 0xFFFFFFFF


def mulberry32(seed: int) -> Callable[[], float]:
    """`seeded(seed)`: floats in [0, 1), each an integer divided by 2^32 (exact in both languages)."""
    state = seed & MASK

    def imul(a: int, b: int) -> int:
        return (a * b) & MASK

    def next_float() -> float:
        nonlocal state
        state = (state + 0x6D2B79F5) & MASK
        t = imul(state ^ (state >> 15), state | 1)
        t ^= (t + imul(t ^ (t >> 7), t | 61)) & MASK
        return ((t ^ (t >> 14)) & MASK) / 4294967296

    return next_float


def integer(next_float: Callable[[], float], low: int, high: int) -> int:
    """`integer(next, low, high)`: a whole number in [low, high], both included."""
    return low + int(next_float() * (high - low + 1))


class Mulberry32(random.Random):
    """The same generator as a `random.Random`, whose `uniform` is the standard library's own
    (a + (b - a) * random()), for Python references that take a `random.Random`."""

    def __init__(self, seed: int) -> None:
        self._next = mulberry32(seed)
        super().__init__(seed)

    def seed(self, *args, **kwargs) -> None:  # random.Random.__init__ calls seed(); the state is ours
        pass

    def random(self) -> float:
        return self._next()
