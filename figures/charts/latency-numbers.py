"""The latency numbers of data/latency-numbers.yml on a log scale, in the file's order."""

from handbook.charts import theme
from handbook.charts.sources import latency_numbers
from handbook.rendering.tables.latency import format_ns

operations = latency_numbers().operations
ROW = 34  # px per operation: its name on one line, its bar below

TITLE = "Latency numbers on a log scale"
ALT = (
    "Horizontal bars on a log scale from 1 ns to 1 s, one per operation: "
    + "; ".join(f"{op.operation}: {format_ns(op.nanoseconds)}" for op in operations)
    + "."
)
CAPTION = (
    f"From {format_ns(operations[0].nanoseconds)} to {format_ns(max(op.nanoseconds for op in operations))}: "
    "each gridline is a factor of ten, so the bars' lengths compare orders of magnitude."
)

fig, ax = theme.figure(ROW * len(operations) + 60)
positions = range(len(operations))
ax.barh(positions, [op.nanoseconds for op in operations], left=0.5, color=theme.BLUE, height=0.36, align="edge")
ax.set_xscale("log")
ax.set_xlim(0.5, 2e9)
ax.set_ylim(len(operations), -0.7)
ax.set_yticks([])
ax.spines["left"].set_visible(False)
for y, op in zip(positions, operations, strict=True):
    ax.text(0.6, y - 0.12, op.operation, va="bottom")
    ax.text(op.nanoseconds * 1.6, y + 0.18, format_ns(op.nanoseconds), va="center", color=theme.FG)
ticks = [1, 1e3, 1e6, 1e9]
ax.set_xticks(ticks, ["1 ns", "1 µs", "1 ms", "1 s"])
ax.set_xticks([10**k for k in range(0, 10)], minor=True)
ax.tick_params(axis="x", which="minor", labelbottom=False)
ax.grid(axis="x", which="minor")
ax.set_xlabel("Latency (log scale: each gridline is 10×)")
