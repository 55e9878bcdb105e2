"""Worked back-of-the-envelope estimates (QPS and storage), computed from `data/estimation-examples.yml`."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

__all__ = ["qps_estimate_table", "daily_to_qps_table"]

SECONDS_PER_DAY = 86_400
DAYS_PER_YEAR = 365


@dataclass(frozen=True)
class Service:
    name: str
    daily_active_users: float
    writes_per_user_per_day: float
    reads_per_user_per_day: float
    peak_factor: float
    bytes_per_record: float
    retention_years: float
    replication_factor: int = 3
    bytes_per_read: float = 0  # response size; 0 leaves the bandwidth row empty

    @property
    def writes_per_day(self) -> float:
        return self.daily_active_users * self.writes_per_user_per_day

    @property
    def reads_per_day(self) -> float:
        return self.daily_active_users * self.reads_per_user_per_day

    @property
    def avg_write_qps(self) -> float:
        return average_qps(self.writes_per_day)

    @property
    def avg_read_qps(self) -> float:
        return average_qps(self.reads_per_day)

    @property
    def peak_write_qps(self) -> float:
        return self.avg_write_qps * self.peak_factor

    @property
    def peak_read_qps(self) -> float:
        return self.avg_read_qps * self.peak_factor

    @property
    def read_write_ratio(self) -> float:
        return self.reads_per_day / self.writes_per_day

    @property
    def peak_read_bytes_per_second(self) -> float:
        return self.peak_read_qps * self.bytes_per_read

    @property
    def bytes_per_day(self) -> float:
        return self.writes_per_day * self.bytes_per_record

    @property
    def bytes_per_year(self) -> float:
        return self.bytes_per_day * DAYS_PER_YEAR

    @property
    def bytes_retained(self) -> float:
        return self.bytes_per_year * self.retention_years

    @property
    def bytes_replicated(self) -> float:
        return self.bytes_retained * self.replication_factor


def average_qps(requests_per_day: float) -> float:
    """Average requests per second: requests per day spread evenly over 86,400 seconds."""
    return requests_per_day / SECONDS_PER_DAY


def services_of(examples) -> list[Service]:
    """The services of the validated `data/estimation-examples.yml` (its model rejects unknown keys)."""
    return [Service(**entry.model_dump(exclude={"id"})) for entry in examples.services]


def sig(value: float, digits: int = 3) -> str:
    """`value` rounded half-up to `digits` significant digits, without trailing zeros (18.25 -> "18.3")."""
    if value == 0:
        return "0"
    exponent = Decimal(repr(value)).adjusted()
    quantum = Decimal(1).scaleb(exponent - digits + 1)
    rounded = Decimal(repr(value)).quantize(quantum, rounding=ROUND_HALF_UP)
    text = f"{rounded:f}"
    return text.rstrip("0").rstrip(".") if "." in text else text


def format_count(value: float) -> str:
    """Counts: thousands separators below a million, then M / B with up to three significant digits."""
    for suffix, scale in ((" B", 1e9), (" M", 1e6)):
        if value >= scale:
            return f"{sig(value / scale)}{suffix}"
    if value >= 100 or value == int(value):
        return f"{round(value):,}"
    return sig(value)


def format_bytes(value: float) -> str:
    """Decimal units (1 TB = 10^12 bytes), as storage is sold; up to three significant digits."""
    for unit, scale in (("PB", 1e15), ("TB", 1e12), ("GB", 1e9), ("MB", 1e6), ("KB", 1e3)):
        if value >= scale:
            return f"{sig(value / scale)} {unit}"
    return f"{value:g} B"


def format_bandwidth(bytes_per_second: float) -> str:
    """Bytes per second with the bit rate beside it (network links are sold in bits: 1 byte = 8 bits)."""
    if bytes_per_second <= 0:
        return "—"
    bits = bytes_per_second * 8
    for unit, scale in (("Tbps", 1e12), ("Gbps", 1e9), ("Mbps", 1e6), ("kbps", 1e3)):
        if bits >= scale:
            return f"{format_bytes(bytes_per_second)}/s ({sig(bits / scale)} {unit})"
    return f"{format_bytes(bytes_per_second)}/s ({sig(bits)} bps)"


def _rate(value: float) -> str:
    """Requests per second: whole numbers with separators from 100 up, three significant digits below."""
    return f"{round(value):,}" if value >= 100 else sig(value)


ROWS = [
    ("Daily active users (DAU)", lambda s: format_count(s.daily_active_users)),
    ("Writes per user per day", lambda s: f"{s.writes_per_user_per_day:g}"),
    ("Reads per user per day", lambda s: f"{s.reads_per_user_per_day:g}"),
    ("Writes per day = DAU × writes per user", lambda s: format_count(s.writes_per_day)),
    ("Reads per day = DAU × reads per user", lambda s: format_count(s.reads_per_day)),
    ("Read:write ratio", lambda s: f"{sig(s.read_write_ratio)}:1"),
    ("**Average write QPS** = writes per day ÷ 86,400", lambda s: f"**{_rate(s.avg_write_qps)}**"),
    ("**Average read QPS** = reads per day ÷ 86,400", lambda s: f"**{_rate(s.avg_read_qps)}**"),
    ("Peak factor (busiest hour ÷ average)", lambda s: f"{s.peak_factor:g}×"),
    ("**Peak write QPS** = average × peak factor", lambda s: f"**{_rate(s.peak_write_qps)}**"),
    ("**Peak read QPS** = average × peak factor", lambda s: f"**{_rate(s.peak_read_qps)}**"),
    ("Bytes per read response", lambda s: format_bytes(s.bytes_per_read) if s.bytes_per_read else "—"),
    (
        "**Peak read egress** = peak read QPS × bytes per read",
        lambda s: f"**{format_bandwidth(s.peak_read_bytes_per_second)}**",
    ),
    ("Bytes per stored record", lambda s: format_bytes(s.bytes_per_record)),
    ("New data per day = writes per day × bytes", lambda s: format_bytes(s.bytes_per_day)),
    ("**Storage per year** = per day × 365", lambda s: f"**{format_bytes(s.bytes_per_year)}**"),
    ("Retention (years)", lambda s: f"{s.retention_years:g}"),
    ("Storage over the retention period", lambda s: format_bytes(s.bytes_retained)),
    ("With replication (× copies)", lambda s: f"{format_bytes(s.bytes_replicated)} (×{s.replication_factor})"),
]


def qps_estimate_table(services: list[dict] | None = None, *, context=None) -> str:
    """Markdown table, one column per service, one row per step of the estimate.

    `services` overrides the examples in the data file: a list of dicts with the `Service` fields.
    """
    items = [Service(**entry) for entry in services] if services else services_of(context.data.estimates)
    lines = [
        "| Step | " + " | ".join(s.name for s in items) + " |",
        "|---|" + "---:|" * len(items),
    ]
    for label, compute in ROWS:
        lines.append(f"| {label} | " + " | ".join(compute(s) for s in items) + " |")
    return "\n".join(lines)


def daily_to_qps_table(per_day: tuple[float, ...] = (1e6, 1e7, 1e8, 1e9, 1e10), peak_factor: float = 3) -> str:
    """Markdown cheat sheet: requests per day to average and peak requests per second."""
    lines = [
        f"| Requests per day | Average QPS (÷ 86,400) | Peak QPS (× {peak_factor:g}) |",
        "|---:|---:|---:|",
    ]
    for count in per_day:
        avg = average_qps(count)
        lines.append(f"| {format_count(count)} | {_rate(avg)} | {_rate(avg * peak_factor)} |")
    return "\n".join(lines)
