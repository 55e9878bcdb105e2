"""Heap problems: the page's examples, edge cases, and each solution against a brute force on seeded inputs."""

from __future__ import annotations

import itertools
import random
from collections import deque

from tests.support.problem_solutions import each_seed, solution

merge = solution("merge_sorted_logs")
slowest = solution("slowest_requests")
workers = solution("worker_count")
leases = solution("lease_expiry")
scheduler = solution("cooldown_scheduler")
deadlines = solution("deadline_jobs")


# merge sorted logs ---------------------------------------------------------------------------------------------
def test_merge_examples():
    logs = [[(1, "a: start"), (5, "a: done")], [(2, "b: start"), (5, "b: done")], []]
    assert list(merge.merge_logs(logs)) == [(1, "a: start"), (2, "b: start"), (5, "a: done"), (5, "b: done")]


def test_merge_edge_cases():
    assert list(merge.merge_logs([])) == [] and list(merge.merge_logs([[], []])) == []
    assert list(merge.merge_logs([[(3, "x"), (3, "y")]])) == [(3, "x"), (3, "y")]


@each_seed
def test_merge_matches_stable_sort(seed):
    rng = random.Random(seed)
    logs = [sorted((rng.randint(0, 9), f"{i}-{j}") for j in range(rng.randint(0, 6))) for i in range(rng.randint(0, 5))]
    logs = [sorted(log, key=lambda line: line[0]) for log in logs]
    expected = sorted((line for log in logs for line in log), key=lambda line: line[0])  # stable: log, then line order
    assert list(merge.merge_logs(logs)) == expected


# slowest requests ----------------------------------------------------------------------------------------------
def test_slowest_examples():
    top = slowest.SlowestK(2)
    for request, ms in [("r1", 120), ("r2", 450), ("r3", 80), ("r4", 300)]:
        top.add(request, ms)
    assert top.slowest() == [(450, "r2"), (300, "r4")]


def test_slowest_edge_cases():
    none = slowest.SlowestK(0)
    none.add("r1", 5)
    assert none.slowest() == []
    few = slowest.SlowestK(5)
    few.add("r1", 5)
    assert few.slowest() == [(5, "r1")]


@each_seed
def test_slowest_matches_sorting_everything(seed):
    rng = random.Random(seed)
    k = rng.randint(0, 5)
    top, seen = slowest.SlowestK(k), []
    for i in range(rng.randint(0, 30)):
        entry = (rng.randint(0, 20), f"r{i}")
        top.add(entry[1], entry[0])
        seen.append(entry)
        assert top.slowest() == sorted(seen, reverse=True)[:k]


# worker count --------------------------------------------------------------------------------------------------
def test_workers_examples():
    assert workers.workers_needed([(0, 30), (5, 10), (15, 20)]) == 2
    assert workers.workers_needed([(9, 10), (10, 11), (11, 12)]) == 1  # an end frees the worker for that start


def test_workers_edge_cases():
    assert workers.workers_needed([]) == 0
    assert workers.workers_needed([(0, 5)] * 4) == 4


@each_seed
def test_workers_match_peak_overlap(seed):
    rng = random.Random(seed)
    jobs = [(s, s + rng.randint(1, 6)) for s in (rng.randint(0, 15) for _ in range(rng.randint(0, 12)))]
    peak = max((sum(s <= t < e for s, e in jobs) for t, _ in jobs), default=0)
    assert workers.workers_needed(jobs) == peak


# lease expiry --------------------------------------------------------------------------------------------------
def test_leases_examples():
    table = leases.Leases()
    table.grant("lock-a", 10)
    table.grant("lock-b", 12)
    table.grant("lock-a", 20)  # renewed: its entry at 10 is now stale
    assert table.expire(15) == ["lock-b"]
    table.release("lock-a")
    assert table.expire(100) == []


def test_leases_edge_cases():
    table = leases.Leases()
    assert table.expire(0) == []
    table.grant("x", 5)
    table.release("x")
    table.grant("x", 5)  # re-granted with the same time: expires once, not twice
    table.grant("b", 5)
    assert table.expire(5) == ["b", "x"]
    assert table.expire(5) == []


@each_seed
def test_leases_match_a_plain_dict(seed):
    rng = random.Random(seed)
    table, model, now = leases.Leases(), {}, 0
    for _ in range(40):
        key = rng.choice("abcd")
        action = rng.random()
        if action < 0.5:
            at = now + rng.randint(0, 10)
            table.grant(key, at)
            model[key] = at
        elif action < 0.65:
            table.release(key)
            model.pop(key, None)
        else:
            now += rng.randint(0, 4)
            due = sorted((at, k) for k, at in model.items() if at <= now)
            assert table.expire(now) == [k for _, k in due]
            for _, k in due:
                del model[k]


# rate-limited scheduler ----------------------------------------------------------------------------------------
def shortest_schedule_length(jobs: dict[str, int], cooldown: int) -> int:
    """Breadth-first search over (jobs left, slots each tenant must still wait): the optimum, by brute force."""
    tenants = sorted(jobs)
    start = (tuple(jobs[t] for t in tenants), (0,) * len(tenants))
    seen, queue = {start}, deque([(start, 0)])
    while queue:
        (left, wait), steps = queue.popleft()
        if not any(left):
            return steps
        cooled = tuple(max(0, w - 1) for w in wait)
        moves = [(left, cooled)]  # idle
        for i in range(len(tenants)):
            if left[i] and not wait[i]:
                moves.append((left[:i] + (left[i] - 1,) + left[i + 1 :], cooled[:i] + (cooldown,) + cooled[i + 1 :]))
        for state in moves:
            if state not in seen:
                seen.add(state)
                queue.append((state, steps + 1))
    raise AssertionError("unreachable")


def valid(slots, jobs, cooldown) -> bool:
    last = {}
    for slot, tenant in enumerate(slots):
        if tenant is not None:
            if tenant in last and slot - last[tenant] <= cooldown:
                return False
            last[tenant] = slot
    return {t: slots.count(t) for t in jobs if jobs[t]} == {t: c for t, c in jobs.items() if c}


def test_scheduler_examples():
    assert scheduler.schedule({"acme": 3, "bolt": 1}, 2) == ["acme", "bolt", None, "acme", None, None, "acme"]
    assert scheduler.schedule({"a": 2, "b": 2, "c": 1}, 1) == ["a", "b", "a", "b", "c"]


def test_scheduler_edge_cases():
    assert scheduler.schedule({}, 3) == [] and scheduler.schedule({"a": 0}, 3) == []
    assert scheduler.schedule({"a": 3}, 0) == ["a", "a", "a"]
    big = scheduler.schedule({f"t{i}": 100 for i in range(50)}, 10)
    assert len(big) == 5000 and valid(big, {f"t{i}": 100 for i in range(50)}, 10)


@each_seed
def test_scheduler_is_valid_and_as_short_as_brute_force(seed):
    rng = random.Random(seed)
    jobs = {t: rng.randint(0, 3) for t in "abc"[: rng.randint(1, 3)]}
    cooldown = rng.randint(0, 3)
    slots = scheduler.schedule(jobs, cooldown)
    assert valid(slots, jobs, cooldown)
    assert len(slots) == shortest_schedule_length(jobs, cooldown)


# deadline jobs -------------------------------------------------------------------------------------------------
def test_deadlines_examples():
    assert deadlines.most_jobs_on_time([(100, 200), (200, 1300), (1000, 1250), (2000, 3200)]) == 3
    assert deadlines.most_jobs_on_time([(3, 2), (4, 3)]) == 0


def test_deadlines_edge_cases():
    assert deadlines.most_jobs_on_time([]) == 0
    assert deadlines.most_jobs_on_time([(5, 5), (5, 5)]) == 1


@each_seed
def test_deadlines_match_subsets(seed):
    rng = random.Random(seed)
    jobs = [(rng.randint(1, 6), rng.randint(1, 15)) for _ in range(rng.randint(0, 7))]

    def feasible(subset):  # a set fits iff it fits in deadline order
        clock = 0
        for duration, deadline in sorted(subset, key=lambda job: job[1]):
            clock += duration
            if clock > deadline:
                return False
        return True

    best = max(
        (size for size in range(len(jobs) + 1) for subset in itertools.combinations(jobs, size) if feasible(subset)),
        default=0,
    )
    assert deadlines.most_jobs_on_time(jobs) == best
