"""The computed tables for requirements-and-estimation: availability, latency numbers, QPS and storage."""

from __future__ import annotations

import pytest

from handbook.rendering.tables import availability, estimates, latency
from tests.support.contexts import real_context


def test_three_nines_month_is_about_43_8_minutes():
    assert availability.downtime_minutes(99.9, "month") == pytest.approx(43.83, abs=0.01)
    assert "43.8 min" in availability.availability_table()


def test_four_nines_year_is_about_52_6_minutes():
    assert availability.downtime_minutes(99.99, "year") == pytest.approx(52.6, abs=0.05)


def test_average_qps_divides_by_seconds_per_day():
    assert estimates.average_qps(100_000_000) == pytest.approx(1157.4, abs=0.1)


def test_estimate_table_computes_100m_per_day_as_1157_average_qps():
    table = estimates.qps_estimate_table(
        [
            {
                "name": "Example",
                "daily_active_users": 100_000_000,
                "writes_per_user_per_day": 1,
                "reads_per_user_per_day": 10,
                "peak_factor": 3,
                "bytes_per_record": 500,
                "retention_years": 5,
            }
        ]
    )
    rows = {line.split(" | ")[0].lstrip("| "): line for line in table.splitlines()}
    assert "**1,157**" in rows["**Average write QPS** = writes per day ÷ 86,400"]
    assert "**11,574**" in rows["**Average read QPS** = reads per day ÷ 86,400"]
    assert "**3,472**" in rows["**Peak write QPS** = average × peak factor"]
    # 100 M writes x 500 B = 50 GB/day; x 365 = 18.25 TB/year, shown half-up as 18.3 TB
    assert "50 GB" in rows["New data per day = writes per day × bytes"]
    assert "18.3 TB" in rows["**Storage per year** = per day × 365"]
    assert "274 TB (×3)" in rows["With replication (× copies)"]


def test_service_storage_arithmetic():
    service = estimates.Service("s", 1_000_000, 2, 20, 2, 1_000, 2, 3)
    assert service.writes_per_day == 2_000_000
    assert service.bytes_per_year == 2_000_000 * 1_000 * 365
    assert service.bytes_replicated == service.bytes_per_year * 2 * 3
    assert service.read_write_ratio == 10


def test_default_estimate_table_has_a_column_per_example():
    table = estimates.qps_estimate_table(context=real_context())
    header = table.splitlines()[0]
    assert header.count("|") == len(estimates.services_of(real_context().data.estimates)) + 2
    assert "URL shortener" in header


def test_daily_to_qps_cheat_sheet():
    table = estimates.daily_to_qps_table()
    assert "| 1 M | 11.6 | 34.7 |" in table
    assert "| 100 M | 1,157 | 3,472 |" in table


@pytest.mark.parametrize(
    ("nanoseconds", "text"),
    [
        (1, "1 ns"),
        (100, "100 ns"),
        (2_000, "2 µs"),
        (500_000, "500 µs"),
        (1_500, "1.5 µs"),
        (10_000_000, "10 ms"),
        (150_000_000, "150 ms"),
        (2_500_000_000, "2.5 s"),
    ],
)
def test_format_ns(nanoseconds, text):
    assert latency.format_ns(nanoseconds) == text


def test_latency_table_renders_units_and_ratios():
    table = latency.latency_table(context=real_context())
    lines = table.splitlines()
    memory = next(line for line in lines if line.startswith("| Main memory"))
    assert "| 100 ns |" in memory and "| 1× |" in memory
    dc = next(line for line in lines if line.startswith("| Round trip within one datacenter"))
    assert "| 500 µs |" in dc and "| 5,000× |" in dc


def test_latency_data_is_sorted_and_positive():
    operations = real_context().data.latency.operations
    values = [op.nanoseconds for op in operations]
    assert values == sorted(values), "keep data/latency-numbers.yml in increasing order"
    assert len({op.id for op in operations}) == len(operations)


def test_latency_table_rejects_unknown_baseline():
    with pytest.raises(ValueError):
        latency.latency_table(baseline="no-such-row", context=real_context())


def test_peak_egress_is_shown_in_bytes_and_bits():
    assert estimates.format_bandwidth(1e9) == "1 GB/s (8 Gbps)"
    table = estimates.qps_estimate_table(context=real_context())
    egress = next(line for line in table.splitlines() if line.startswith("| **Peak read egress**"))
    assert "Mbps" in egress or "Gbps" in egress


def test_sig_rounds_half_up():
    assert estimates.sig(18.25) == "18.3"
    assert estimates.sig(0.5) == "0.5"
    assert estimates.sig(1234567.0) == "1230000"
