"""Two scheduling questions answered with a heap.

1. DelayQueue: "run each job at its scheduled time" (the core of Sidekiq's scheduled set, a timer service,
   or Java's ScheduledThreadPoolExecutor): a min-heap keyed by due time. schedule O(log n), pop_due O(log n)
   per job returned, O(n) space for n pending jobs. A sequence number breaks ties, so jobs due together run
   in submission order.
2. min_workers: "how many workers (rooms, connections) so no job waits?" Sort by start, keep a min-heap of
   end times. O(n log n) time, O(n) space.
"""

import heapq
import itertools


class DelayQueue:
    def __init__(self) -> None:
        self.heap: list[tuple[float, int, str]] = []
        self.seq = itertools.count()

    def schedule(self, due: float, job: str) -> None:
        heapq.heappush(self.heap, (due, next(self.seq), job))

    def pop_due(self, now: float) -> list[str]:
        """Every job due at or before now, earliest first."""
        out = []
        while self.heap and self.heap[0][0] <= now:
            out.append(heapq.heappop(self.heap)[2])
        return out

    def next_due(self) -> float | None:
        """How long the worker may sleep: until the earliest due time."""
        return self.heap[0][0] if self.heap else None


def min_workers(jobs: list[tuple[int, int]]) -> int:
    """Jobs are (start, end) with end > start; a worker freed at t can take a job starting at t."""
    ends: list[int] = []
    for start, end in sorted(jobs):
        if end <= start:
            raise ValueError(f"job ({start}, {end}) ends before it starts")
        if ends and ends[0] <= start:
            heapq.heapreplace(ends, end)  # reuse the worker that frees up earliest
        else:
            heapq.heappush(ends, end)
    return len(ends)


if __name__ == "__main__":
    q = DelayQueue()
    q.schedule(30, "send-reminder")
    q.schedule(10, "retry-webhook")
    q.schedule(10, "expire-session")  # same due time: runs after retry-webhook, scheduled first
    q.schedule(60, "nightly-report")
    assert q.next_due() == 10
    assert q.pop_due(5) == []
    assert q.pop_due(30) == ["retry-webhook", "expire-session", "send-reminder"]
    assert q.next_due() == 60 and q.pop_due(1000) == ["nightly-report"]
    assert q.next_due() is None and q.pop_due(2000) == []

    assert min_workers([(0, 30), (5, 10), (15, 20)]) == 2
    assert min_workers([(0, 10), (10, 20), (20, 30)]) == 1  # back to back: one worker suffices
    assert min_workers([(1, 5), (1, 5), (1, 5)]) == 3  # identical jobs (ties)
    assert min_workers([]) == 0
    try:
        min_workers([(5, 5)])
    except ValueError:
        pass
    else:
        raise AssertionError("a zero-length job must be rejected")

    # randomized, against brute force.
    # DelayQueue vs a plain list scanned in full: pop_due(now) returns every job with due <= now, ordered by
    # due time and then by submission order. min_workers vs the largest number of jobs running at one instant
    # (it suffices to look at the start times): no schedule can use fewer workers, and the greedy one needs no more.
    import random

    rng = random.Random(43)
    for _ in range(300):
        dq, pending, now = DelayQueue(), [], 0
        for seq in range(rng.randint(0, 40)):
            if rng.random() < 0.6:
                due = now + rng.randint(-2, 10)  # a due time in the past must come out at the next poll
                dq.schedule(due, f"job{seq}")
                pending.append((due, seq, f"job{seq}"))
            else:
                now += rng.randint(0, 5)
                ready = sorted(p for p in pending if p[0] <= now)
                pending = [p for p in pending if p[0] > now]
                assert dq.pop_due(now) == [job for _, _, job in ready]
            assert dq.next_due() == min((p[0] for p in pending), default=None)

        jobs = [(s, s + rng.randint(1, 6)) for s in rng.choices(range(15), k=rng.randint(0, 12))]
        overlap = max((sum(s <= t < e for s, e in jobs) for t, _ in jobs), default=0)
        assert min_workers(jobs) == overlap
    print("workers needed:", min_workers([(0, 30), (5, 10), (15, 20)]))
