"""Burn-rate arithmetic behind the SLO page's alert table and its burn-down chart (SRE Workbook, ch. 5)."""

from __future__ import annotations

import pytest

from handbook.rendering.tables.burn_rate import (
    PERIOD_HOURS,
    WORKBOOK_ALERTS,
    budget_consumed,
    budget_left,
    burn_rate,
    burn_rate_table,
    hours_to_exhaust,
    threshold_error_rate,
)


def test_burn_rate_is_the_error_rate_over_the_budget():
    assert burn_rate(0.0144, 99.9) == pytest.approx(14.4)
    assert burn_rate(0.001, 99.9) == pytest.approx(1)
    assert threshold_error_rate(6, 99.9) == pytest.approx(0.006)


@pytest.mark.parametrize(
    "rate, window_hours, consumed, exhausted_hours",
    [(14.4, 1, 0.02, 50), (6, 6, 0.05, 120), (1, 72, 0.10, 720)],
)
def test_the_workbooks_alerts_spend_2_5_and_10_percent(rate, window_hours, consumed, exhausted_hours):
    assert budget_consumed(rate, window_hours) == pytest.approx(consumed)
    assert hours_to_exhaust(rate) == pytest.approx(exhausted_hours)
    assert budget_left(rate, exhausted_hours) == pytest.approx(0, abs=1e-12)
    assert budget_left(rate, 2 * exhausted_hours) == 0, "never below zero"


def test_a_burn_of_one_lasts_exactly_the_period():
    assert hours_to_exhaust(1) == PERIOD_HOURS == 720
    assert budget_left(1, 360) == pytest.approx(0.5)


def test_the_table_gives_the_pages_numbers():
    rows = burn_rate_table().splitlines()[2:]
    assert rows == [
        "| Page | 1 hour | 5 minutes | 14.4 | 2% | 1.44% | 50 hours |",
        "| Page | 6 hours | 30 minutes | 6 | 5% | 0.6% | 5 days |",
        "| Ticket | 3 days | 6 hours | 1 | 10% | 0.1% | 30 days |",
    ]
    assert len(WORKBOOK_ALERTS) == 3
    assert "| 14.4 | 2% | 14.4% |" in burn_rate_table(slo_percent=99)
