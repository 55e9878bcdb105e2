"""Event-time tumbling windows with a watermark and allowed lateness, checked against an exact count.

- Each event carries its own timestamp (event time) and arrives out of order.
- The watermark is the largest event time seen so far minus a bounded out-of-orderness `delay`: a promise that
  no event older than it is still expected. (Flink's bounded-out-of-orderness generator also subtracts 1 ms.)
- A window [start, end) fires when the watermark reaches `end`. An event that arrives after its window fired
  but before the watermark passes `end + allowed_lateness` updates the window and fires it again; later than
  that it is dropped (a real job routes it to a side output so it is not lost silently).
Standard library only.
"""

from __future__ import annotations

import random
from collections import Counter


def window_start(ts: int, size: int) -> int:
    return ts - ts % size


class TumblingCounter:
    """Counts events per event-time window; `results` holds every firing, in order."""

    def __init__(self, size: int, delay: int, allowed_lateness: int = 0):
        self.size, self.delay, self.lateness = size, delay, allowed_lateness
        self.watermark = -(10**9)
        self.open: Counter[int] = Counter()  # window start -> count, kept until the lateness has passed
        self.fired: set[int] = set()
        self.results: list[tuple[int, int, str]] = []  # (window start, count, "on-time" | "late update")
        self.dropped: list[int] = []  # timestamps of events too late to count

    def on_event(self, ts: int) -> None:
        start = window_start(ts, self.size)
        if start + self.size + self.lateness <= self.watermark:
            self.dropped.append(ts)  # its window's state is already gone
            return
        self.open[start] += 1
        if start in self.fired:  # late but within the allowed lateness: emit a corrected count
            self.results.append((start, self.open[start], "late update"))
        self.watermark = max(self.watermark, ts - self.delay)
        self._advance()

    def _advance(self) -> None:
        for start in sorted(self.open):
            end = start + self.size
            if end <= self.watermark and start not in self.fired:
                self.fired.add(start)
                self.results.append((start, self.open[start], "on-time"))
            if end + self.lateness <= self.watermark:
                del self.open[start]  # state is cleared: later events for this window are dropped

    def final_counts(self) -> dict[int, int]:
        last: dict[int, int] = {}
        for start, count, _ in self.results:
            last[start] = count
        return last


def out_of_order_stream(seed: int, n: int, max_delay: int, straggler_delay: int) -> list[int]:
    """n events, one per second of event time, delivered with random network delays; 2% are stragglers."""
    rng = random.Random(seed)
    arrivals = []
    for ts in range(n):
        lag = straggler_delay if rng.random() < 0.02 else rng.randint(0, max_delay)
        arrivals.append((ts + lag, ts))
    return [ts for _, ts in sorted(arrivals)]  # arrival order, by processing time


SIZE = 60  # one-minute windows
events = out_of_order_stream(seed=7, n=3_600, max_delay=5, straggler_delay=90)
exact = Counter(window_start(ts, SIZE) for ts in events)
assert sum(exact.values()) == 3_600 and set(exact.values()) == {60}
assert events != sorted(events)  # the input really is out of order

# A watermark that trails by 5 s covers ordinary delays. Without allowed lateness the stragglers
# (90 s late) are dropped, and each window's count is short by exactly its dropped events.
strict = TumblingCounter(SIZE, delay=5)
for ts in events:
    strict.on_event(ts)
assert len(strict.dropped) > 0
short_by = Counter(window_start(ts, SIZE) for ts in strict.dropped)
assert all(strict.final_counts()[w] == exact[w] - short_by[w] for w in exact if w in strict.final_counts())
assert all(kind == "on-time" for _, _, kind in strict.results)  # no window fired twice

# Allowed lateness of 2 minutes keeps each window's state long enough: the stragglers arrive as late
# updates, nothing is dropped, and the last firing of every window equals the exact count.
lenient = TumblingCounter(SIZE, delay=5, allowed_lateness=120)
for ts in events:
    lenient.on_event(ts)
assert lenient.dropped == []
late_updates = [r for r in lenient.results if r[2] == "late update"]
assert len(late_updates) == len(strict.dropped)  # each straggler corrected its window once
final = lenient.final_counts()
complete = {w: c for w, c in final.items() if w + SIZE <= lenient.watermark}  # windows the watermark closed
assert complete and all(c == exact[w] for w, c in complete.items())

# Watermark too tight (0 s): an ordinary 1-5 s delay that crosses a minute boundary now counts as late too.
tight = TumblingCounter(SIZE, delay=0)
for ts in events:
    tight.on_event(ts)
assert len(tight.dropped) > len(strict.dropped)

# A window never fires before the watermark has passed its end: emitting earlier would miss on-time events.
first_fire = strict.results[0]
assert first_fire[0] == 0 and first_fire[1] == exact[0] - short_by[0]

print(
    f"events {len(events)}, stragglers dropped with 5 s watermark {len(strict.dropped)}, "
    f"with 0 s watermark {len(tight.dropped)}, late updates with 120 s lateness {len(late_updates)}"
)
