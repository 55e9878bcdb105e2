"""A token bucket and a fixed window on the same bursty trace across a window boundary, using the TokenBucket,
FixedWindow and FakeClock of examples/python/rate_limiters.py with its 10-per-minute limit."""

from handbook.charts import theme
from handbook.charts.sources import example

limiters = example("rate_limiters")
LIMIT, WINDOW = 10, 60.0  # the example's fixed window: 10 requests per minute
BURST = 12  # requests at 0:59 and again at 1:00, then one every 3 s
trace = [59.0] * BURST + [60.0] * BURST + [61.0 + 3 * i for i in range(40)]


def admitted(make) -> list[float]:
    """The times of the requests `make(clock)` lets through, fed the trace in order."""
    clock = limiters.FakeClock(0.0)
    limiter = make(clock)
    passed = []
    for t in trace:
        clock.now = t
        if limiter.allow():
            passed.append(t)
    return passed


fixed = admitted(lambda clock: limiters.FixedWindow(limit=LIMIT, window=WINDOW, clock=clock))
bucket = admitted(lambda clock: limiters.TokenBucket(rate=LIMIT / WINDOW, capacity=LIMIT, clock=clock))
around_boundary = {name: sum(59 <= t <= 60 for t in passed) for name, passed in (("fixed", fixed), ("bucket", bucket))}
end = trace[-1]

TITLE = "Token bucket vs fixed window at a window boundary"
ALT = (
    f"Cumulative requests admitted over time, {LIMIT} per minute, for a trace of {BURST} requests at 59 s, "
    f"{BURST} at 60 s, then one every 3 s. The fixed window admits {around_boundary['fixed']} between 59 s and "
    f"60 s, twice the limit, because its counter resets at 60 s, then nothing until 120 s. The token bucket "
    f"(capacity {LIMIT}, refilled {LIMIT} per minute) admits {around_boundary['bucket']}, then about one every "
    f"{WINDOW / LIMIT:g} s. By {end:g} s they have admitted {len(fixed)} and {len(bucket)}."
)
CAPTION = (
    f"The same trace against a {LIMIT}-per-minute limit: the fixed window lets {around_boundary['fixed']} "
    f"requests through in one second at the boundary, the token bucket {around_boundary['bucket']}."
)


def steps(times: list[float]) -> tuple[list[float], list[int]]:
    xs, ys = [50.0], [0]
    for count, t in enumerate(times, 1):
        xs.append(t)
        ys.append(count)
    xs.append(end + 5)
    ys.append(len(times))
    return xs, ys


fig, ax = theme.figure(300)
ax.step(*steps(fixed), where="post", color=theme.ORANGE, label="fixed window")
ax.step(*steps(bucket), where="post", color=theme.BLUE, linestyle=(0, (5, 2)), label="token bucket")
for boundary in (60, 120, 180):
    ax.axvline(boundary, color=theme.MUTED, linestyle=":", linewidth=1.2, zorder=1)
ax.annotate(
    f"{around_boundary['fixed']} in 1 s:\nthe window resets",
    xy=(60.5, around_boundary["fixed"] - 1),
    xytext=(88, 24),
    arrowprops={"arrowstyle": "->", "color": theme.FG},
    ha="center",
    backgroundcolor=theme.BG,
)
ax.set_xlim(50, end + 5)
ax.set_ylim(0, max(len(fixed), len(bucket)) + 4)
ax.set_xticks([60, 90, 120, 150, 180], ["1:00", "1:30", "2:00", "2:30", "3:00"])
ax.set_xlabel("Time (window boundaries dotted)")
ax.set_ylabel("Requests admitted (total)")
ax.legend(loc="lower right")
