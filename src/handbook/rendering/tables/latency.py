"""Latency numbers as orders of magnitude, rendered from `data/latency-numbers.yml`."""

from __future__ import annotations

__all__ = ["latency_table"]


def _trim(value: float) -> str:
    """At most three significant digits, no trailing zeros, thousands separators."""
    if value >= 100:
        return f"{round(value):,}"
    return f"{float(f'{value:.3g}'):g}"


def format_ns(nanoseconds: float) -> str:
    """A duration in nanoseconds in the largest unit that keeps it at 1 or more: ns, µs, ms or s."""
    for unit, scale in (("s", 1e9), ("ms", 1e6), ("µs", 1e3)):
        if nanoseconds >= scale:
            return f"{_trim(nanoseconds / scale)} {unit}"
    return f"{_trim(nanoseconds)} ns"


def format_ratio(ratio: float) -> str:
    if ratio >= 1:
        return f"{_trim(ratio)}×"
    return f"1/{_trim(1 / ratio)}"


def format_scaled(nanoseconds: float) -> str:
    """The duration if one nanosecond lasted one second (a human scale for the gaps)."""
    seconds = nanoseconds
    for unit, scale in (("years", 365.25 * 86400), ("days", 86400), ("hours", 3600), ("min", 60)):
        if seconds >= scale:
            return f"{_trim(seconds / scale)} {unit}"
    return f"{_trim(seconds)} s"


def latency_table(baseline: str = "main-memory", ids: list[str] | None = None, scaled: bool = True, *, context) -> str:
    """Markdown table: operation, latency, how many times a baseline operation, and the source note.

    `baseline` is the id of the row the ratio column compares to; `ids` limits and orders the rows;
    `scaled` adds an "if 1 ns were 1 s" column.
    """
    operations = context.data.latency.operations
    by_id = {op.id: op for op in operations}
    if baseline not in by_id:
        raise ValueError(f"latency_table: unknown baseline {baseline!r}; known: {', '.join(by_id)}")
    unknown = [i for i in ids or [] if i not in by_id]
    if unknown:
        raise ValueError(f"latency_table: unknown ids {unknown}; known: {', '.join(by_id)}")
    rows = [by_id[i] for i in ids] if ids else operations
    base = by_id[baseline]
    header = ["Operation", "Latency", f"Relative to one {base.short or base.operation}"]
    align = ["---", "---:", "---:"]
    if scaled:
        header.append("If 1 ns were 1 s")
        align.append("---:")
    header.append("Source and note")
    align.append("---")
    lines = ["| " + " | ".join(header) + " |", "|" + "|".join(align) + "|"]
    for op in rows:
        cells = [op.operation, format_ns(op.nanoseconds), format_ratio(op.nanoseconds / base.nanoseconds)]
        if scaled:
            cells.append(format_scaled(op.nanoseconds))
        cells.append(op.note)
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)
