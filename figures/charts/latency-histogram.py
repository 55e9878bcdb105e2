"""The latency histogram behind examples/python/percentiles.py, with its p50, p95, p99 and mean marked."""

import numpy as np

from handbook.charts import theme
from handbook.charts.sources import example

percentiles = example("percentiles")
latencies = percentiles.latencies
p50, p95, p99 = (percentiles.percentile(latencies, q) for q in (50, 95, 99))
mean = percentiles.mean(latencies)
slow = [v for v in latencies if v > 10 * p95]

TITLE = "Latency histogram of the percentile example"
ALT = (
    f"Histogram of {len(latencies):,} request latencies on a log scale: {len(latencies) - len(slow):,} between "
    f"{min(latencies):g} and {p95:g} ms, {len(slow)} between {min(slow):,g} and {max(slow):,g} ms, none in between. "
    f"p50 is {p50:g} ms, p95 {p95:g} ms, p99 {p99:,g} ms; the mean, {mean:.1f} ms, falls in the empty gap."
)
CAPTION = (
    f"The sample of the percentile example: p50 {p50:g} ms and p95 {p95:g} ms sit in the fast mode, p99 "
    f"({p99:,g} ms) in the slow one, and the mean ({mean:.0f} ms) describes no request at all."
)

fig, ax = theme.figure(300)
bins = np.geomspace(10, 4000, 43)
ax.hist(latencies, bins=bins, color=theme.BLUE, edgecolor=theme.BG, linewidth=0.5)
ax.set_xscale("log")
theme.plain_log_ticks(ax.xaxis, ticks=[10, 30, 100, 300, 1000, 3000])
markers = [
    (p50, f"p50 = {p50:g} ms", theme.GREEN, (0, (4, 2))),
    (p95, f"p95 = {p95:g} ms", theme.PURPLE, (0, (1, 1.5))),
    (mean, f"mean = {mean:.1f} ms", theme.MUTED, (0, (6, 2, 1, 2))),
    (p99, f"p99 = {p99:,g} ms", theme.ORANGE, "solid"),
]
for value, label, colour, style in markers:
    ax.axvline(value, color=colour, linestyle=style, linewidth=2, label=label, zorder=1.5)  # behind the bars
ax.annotate(
    f"{len(slow)} requests\nnear 2 s",
    xy=(min(slow), len(slow) / 2),
    xytext=(420, 120),
    arrowprops={"arrowstyle": "->", "color": theme.FG},
    ha="center",
)
ax.set_xlabel("Latency (ms, log scale)")
ax.set_ylabel("Requests")
ax.legend(loc="upper center", bbox_to_anchor=(0.55, 1))
