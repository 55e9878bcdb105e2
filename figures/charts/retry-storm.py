"""Load on the dependency in the 1,000-client retry storm of examples/python/backoff_with_jitter.py.

Each client runs the example's own HerdClient through its call_with_retries (plain backoff is its AlwaysTop
source, full jitter a seeded Random); decorrelated jitter feeds the example's decorrelated_jitter the same way.
"""

import random

from handbook.charts import theme
from handbook.charts.sources import example

backoff = example("backoff_with_jitter")
CLIENTS, RETRIES, BASE, CAP, BUCKET = 1000, 5, 1.0, 20.0, 0.1  # the example's herd: 5 retries, base 1 s, cap 20 s


def herd(source: random.Random) -> dict[int, int]:
    """Retries per 100 ms bucket when every client retries through the example's call_with_retries."""
    per_bucket: dict[int, int] = {}
    for _ in range(CLIENTS):
        client = backoff.HerdClient(per_bucket, BUCKET)
        try:
            backoff.call_with_retries(
                client.call,
                max_attempts=RETRIES + 1,
                base=BASE,
                cap=CAP,
                budget=backoff.RetryBudget(),
                rng=source,
                sleep=client.sleep,
            )
        except backoff.RetryableError:
            pass
    return per_bucket


def decorrelated_herd(source: random.Random) -> dict[int, int]:
    """The same herd sleeping decorrelated-jitter delays between its retries."""
    per_bucket: dict[int, int] = {}
    for _ in range(CLIENTS):
        client = backoff.HerdClient(per_bucket, BUCKET)
        delay = BASE
        for _ in range(RETRIES):
            delay = backoff.decorrelated_jitter(delay, BASE, CAP, source)
            client.sleep(delay)
            try:
                client.call()
            except backoff.RetryableError:
                pass
    return per_bucket


series = [
    ("No jitter", herd(backoff.AlwaysTop()), theme.ORANGE, "solid"),
    ("Full jitter", herd(random.Random(2015)), theme.BLUE, "solid"),
    ("Decorrelated jitter", decorrelated_herd(random.Random(2015)), theme.GREEN, (0, (1, 1))),
]
peaks = {label: max(load.values()) for label, load, _, _ in series}
totals = {label: sum(load.values()) for label, load, _, _ in series}
assert len(set(totals.values())) == 1, totals  # the same 5,000 retries, only spread differently
last = max(max(load) for _, load, _, _ in series)

TITLE = "Retry storm: load on the dependency with and without jitter"
ALT = (
    f"Retries reaching the dependency per 100 ms when {CLIENTS:,} clients fail at once and each retries "
    f"{RETRIES} times, over {last * BUCKET:.0f} seconds. Without jitter every client retries at "
    f"1, 3, 7, 15 and 31 s: five spikes of {peaks['No jitter']:,}. Full jitter spreads the same "
    f"{totals['No jitter']:,} retries to at most {peaks['Full jitter']} per 100 ms, decorrelated jitter to "
    f"at most {peaks['Decorrelated jitter']}."
)
CAPTION = (
    f"The 1,000-client herd of the backoff example: the same {totals['No jitter']:,} retries arrive in five "
    f"spikes of {peaks['No jitter']:,} without jitter, at most {peaks['Full jitter']} per 100 ms with full "
    f"jitter and {peaks['Decorrelated jitter']} with decorrelated jitter."
)

fig, ax = theme.figure(300)
for label, load, colour, style in series:
    times = [slot * BUCKET for slot in range(last + 1)]
    counts = [load.get(slot, 0) for slot in range(last + 1)]
    ax.step(times, counts, where="post", color=colour, linestyle=style, linewidth=1.5, label=label)
ax.set_ylim(0, peaks["No jitter"] * 1.05)
ax.set_xlim(0, last * BUCKET + 1)
ax.set_xlabel("Seconds after the outage starts")
ax.set_ylabel("Retries per 100 ms")
ax.legend(loc="upper right", ncols=1)
ax.annotate(
    f"jitter: at most {max(peaks['Full jitter'], peaks['Decorrelated jitter'])}\nper 100 ms",
    xy=(1.5, peaks["Full jitter"]),
    xytext=(36, 420),
    arrowprops={"arrowstyle": "->", "color": theme.FG},
    ha="center",
    backgroundcolor=theme.BG,
)
