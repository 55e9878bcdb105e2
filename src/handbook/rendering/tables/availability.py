"""Tables computed from numbers, never typed by hand."""

from __future__ import annotations

__all__ = ["availability_table"]

MINUTES = {"year": 365.25 * 24 * 60, "month": 365.25 * 24 * 60 / 12, "week": 7 * 24 * 60, "day": 24 * 60}


def downtime_minutes(availability_percent: float, period: str) -> float:
    """Allowed downtime in minutes for an availability over a period (month = 1/12 year, 30.44 days)."""
    return (1 - availability_percent / 100) * MINUTES[period]


def human_duration(minutes: float) -> str:
    seconds = minutes * 60
    if seconds < 1:
        return f"{seconds * 1000:.0f} ms"
    if seconds < 60:
        return f"{seconds:.1f} s"
    if minutes < 60:
        return f"{minutes:.1f} min"
    if minutes < 24 * 60:
        return f"{minutes / 60:.1f} h"
    return f"{minutes / 1440:.2f} days"


def availability_table(levels: tuple[float, ...] = (99.0, 99.5, 99.9, 99.95, 99.99, 99.999)) -> str:
    """Markdown table: availability to allowed downtime per year, month, week and day."""
    rows = ["| Availability | Per year | Per month | Per week | Per day |", "|---|---:|---:|---:|---:|"]
    for level in levels:
        cells = [human_duration(downtime_minutes(level, period)) for period in ("year", "month", "week", "day")]
        rows.append(f"| {level:g}% | " + " | ".join(cells) + " |")
    return "\n".join(rows)
