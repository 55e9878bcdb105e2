"""Parse a duration like "1h30m": one left-to-right scan reading number, unit, number, unit.

Time O(n) for n characters; space O(1) besides the number being read.
"""

from __future__ import annotations

UNITS = {"d": 86_400_000, "h": 3_600_000, "m": 60_000, "s": 1_000, "ms": 1}  # milliseconds, largest first
RANK = {unit: rank for rank, unit in enumerate(UNITS)}
DIGITS = "0123456789"  # not str.isdigit, which also accepts digits such as "²" that int() rejects


def parse_duration(text: str) -> int:
    """Milliseconds in text such as "1h30m", "250ms" or "2d4h"; ValueError saying where the text is wrong."""
    if not text:
        raise ValueError("empty duration: expected e.g. 1h30m")
    total, i, last_rank = 0, 0, -1
    while i < len(text):
        start = i
        while i < len(text) and text[i] in DIGITS:
            i += 1
        if i == start:
            raise ValueError(f"position {i}: expected a number")
        unit = "ms" if text.startswith("ms", i) else text[i : i + 1]  # "ms" before "m": longest match
        if unit not in UNITS:
            raise ValueError(f"position {i}: expected a unit (d, h, m, s or ms)")
        if RANK[unit] <= last_rank:
            raise ValueError(f"position {i}: unit {unit!r} repeats or comes after a smaller unit")
        last_rank = RANK[unit]
        total += int(text[start:i]) * UNITS[unit]
        i += len(unit)
    return total
