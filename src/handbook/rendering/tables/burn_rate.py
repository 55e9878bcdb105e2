"""Error-budget burn rates for SLO alerting: the SRE Workbook's multiwindow, multi-burn-rate alerts, computed.

Burn rate = observed error rate / (1 - SLO): 1 spends the whole budget in exactly the SLO period. The page on
SLOs states these numbers; the functions here compute them, for its table and for its burn-down chart.
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["burn_rate_table"]

PERIOD_HOURS = 30 * 24  # the Workbook's 30-day SLO window


@dataclass(frozen=True)
class BurnAlert:
    action: str
    long_window_hours: float
    short_window_hours: float
    burn_rate: float


# The Workbook's recommended starting point ("Alerting on SLOs", recommended parameters).
WORKBOOK_ALERTS = (
    BurnAlert("Page", 1, 5 / 60, 14.4),
    BurnAlert("Page", 6, 30 / 60, 6),
    BurnAlert("Ticket", 72, 6, 1),
)


def burn_rate(error_rate: float, slo_percent: float) -> float:
    """How many times faster than "all of it by the end of the period" the budget is being spent."""
    return error_rate / (1 - slo_percent / 100)


def budget_consumed(rate: float, hours: float, period_hours: float = PERIOD_HOURS) -> float:
    """The fraction of the period's budget spent by burning at `rate` for `hours` (1.0 is all of it)."""
    return rate * hours / period_hours


def hours_to_exhaust(rate: float, period_hours: float = PERIOD_HOURS) -> float:
    """Hours until a full budget is gone at a constant burn `rate`."""
    return period_hours / rate


def budget_left(rate: float, hours: float, period_hours: float = PERIOD_HOURS) -> float:
    """The fraction of a full budget left after `hours` at `rate`, never below zero."""
    return max(0.0, 1 - budget_consumed(rate, hours, period_hours))


def threshold_error_rate(rate: float, slo_percent: float) -> float:
    """The error rate (a fraction: 0.0144 is 1.44%) that burns at `rate` against an SLO: the alert threshold."""
    return rate * (1 - slo_percent / 100)


def _hours(hours: float) -> str:
    if hours < 1:
        return f"{hours * 60:g} minutes"
    if hours < 72:
        return f"{hours:g} hour" + ("s" if hours != 1 else "")
    return f"{hours / 24:g} days"


def burn_rate_table(slo_percent: float = 99.9) -> str:
    """Markdown table of the Workbook's alerts: windows, burn rate, budget consumed, threshold, time to zero."""
    rows = [
        "| Action | Long window | Short window | Burn rate | Budget consumed in the long window "
        f"| Error rate that triggers at {slo_percent:g}% | Budget gone in |",
        "|---|---|---|---:|---:|---:|---|",
    ]
    for alert in WORKBOOK_ALERTS:
        consumed = budget_consumed(alert.burn_rate, alert.long_window_hours)
        threshold = threshold_error_rate(alert.burn_rate, slo_percent)
        rows.append(
            f"| {alert.action} | {_hours(alert.long_window_hours)} | {_hours(alert.short_window_hours)} "
            f"| {alert.burn_rate:g} | {consumed:.0%} | {threshold * 100:.3g}% "
            f"| {_hours(hours_to_exhaust(alert.burn_rate))} |"
        )
    return "\n".join(rows)
