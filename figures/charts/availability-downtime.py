"""Downtime allowed per month for each availability level, from the availability table's own functions."""

from handbook.charts import theme
from handbook.rendering.tables.availability import downtime_minutes, human_duration

LEVELS = (99.0, 99.5, 99.9, 99.95, 99.99, 99.999)  # the levels of availability_table()
minutes = [downtime_minutes(level, "month") for level in LEVELS]

TITLE = "Downtime per month for each number of nines"
ALT = (
    "Horizontal bars, log scale: allowed downtime per month by availability. "
    + "; ".join(f"{level:g}%: {human_duration(m)}" for level, m in zip(LEVELS, minutes, strict=True))
    + ". Each extra nine divides the budget by ten."
)
CAPTION = "Allowed downtime per month (a twelfth of a year): each extra nine divides it by ten."

fig, ax = theme.figure(280)
labels = [f"{level:g}%" for level in LEVELS]
positions = range(len(LEVELS))
ax.barh(positions, minutes, color=theme.BLUE, height=0.6)
ax.set_yticks(positions, labels)
ax.invert_yaxis()
ax.set_xscale("log")
theme.plain_log_ticks(ax.xaxis, ticks=[0.1, 1, 10, 100, 1000], unit=" min")
ax.set_xlim(0.1, 3000)
ax.grid(axis="y", visible=False)
for y, value in zip(positions, minutes, strict=True):
    ax.text(value * 1.15, y, human_duration(value), va="center")
ax.set_xlabel("Allowed downtime per month (log scale)")
ax.set_ylabel("Availability")
