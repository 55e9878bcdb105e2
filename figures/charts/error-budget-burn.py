"""Error budget left over a 30-day SLO at the burn rates of the SRE Workbook's alerts, with where each fires.

The numbers come from handbook/rendering/tables/burn_rate.py, the tested functions behind the page's table.
"""

import numpy as np

from handbook.charts import theme
from handbook.rendering.tables import burn_rate as slo

SLO = 99.9
styles = [theme.ORANGE, theme.PURPLE, theme.BLUE]
alerts = slo.WORKBOOK_ALERTS
period = slo.PERIOD_HOURS


def duration(hours: float) -> str:
    return f"{hours:g} h" if hours < 72 else f"{hours / 24:g} days"


TITLE = "Error-budget burn at the Workbook's alert burn rates"
ALT = (
    f"Share of a 30-day error budget left over time (log scale from 6 minutes to 30 days) at {SLO:g}% SLO. "
    + " ".join(
        f"At burn rate {a.burn_rate:g} (error rate {slo.threshold_error_rate(a.burn_rate, SLO):.2%}) the budget is gone "
        f"in {duration(slo.hours_to_exhaust(a.burn_rate))}; its {a.action.lower()} alert fires after "
        f"{duration(a.long_window_hours)}, when {slo.budget_consumed(a.burn_rate, a.long_window_hours):.0%} is spent."
        for a in alerts
    )
)
CAPTION = (
    "A constant burn empties the budget in 30 days divided by the burn rate; each alert fires once its long window "
    "has spent 2%, 5% or 10% of the budget (dots), well before the budget is gone."
)

fig, ax = theme.figure(300)
hours = np.geomspace(0.1, period, 400)
for alert, colour in zip(alerts, styles, strict=True):
    left = [100 * slo.budget_left(alert.burn_rate, h) for h in hours]
    label = f"{alert.burn_rate:g}× ({alert.action.lower()} after {duration(alert.long_window_hours)})"
    ax.plot(hours, left, color=colour, label=label)
    fired = 100 * slo.budget_left(alert.burn_rate, alert.long_window_hours)
    ax.plot([alert.long_window_hours], [fired], "o", color=colour, markersize=7)
ax.set_xscale("log")
ticks = [0.1, 1, 6, 24, 72, 720]
ax.set_xticks(ticks, ["6 min", "1 h", "6 h", "1 d", "3 d", "30 d"])
ax.minorticks_off()
ax.set_xlim(0.1, period)
ax.set_ylim(0, 104)
ax.set_yticks([0, 25, 50, 75, 100], ["0%", "25%", "50%", "75%", "100%"])
ax.set_xlabel("Time since the burn started (log scale)")
ax.set_ylabel("Error budget left")
ax.legend(loc="lower left", title="Burn rate", title_fontsize=theme.SMALL)
