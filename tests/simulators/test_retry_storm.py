"""The retry-storm simulator sends the same calls, in the same 100 ms buckets, as the delays and the retry budget
of examples/python/backoff_with_jitter.py, fed the simulator's own seeded draws; its herd is the example's herd."""

from __future__ import annotations

import heapq

import pytest

from tests.simulators.logic import python_reference, simulate_in_node
from tests.simulators.seeded import Mulberry32

BASE, CAP, BUCKET, TRAFFIC_FOR = 1.0, 20.0, 0.1, 60

SCENARIOS = [
    {"policy": "exponential", "clients": 1000, "outage": 120, "retries": 5, "interval": 0, "seed": 2015},
    {"policy": "full", "clients": 1000, "outage": 120, "retries": 5, "interval": 0, "seed": 2015},
    {"policy": "decorrelated", "clients": 1000, "outage": 120, "retries": 5, "interval": 0, "seed": 2015},
    {"policy": "none", "clients": 300, "outage": 3, "retries": 5, "interval": 0, "seed": 1},
    {"policy": "full", "clients": 500, "outage": 30, "retries": 3, "interval": 1, "seed": 2015},
    {"policy": "budget", "clients": 500, "outage": 30, "retries": 3, "interval": 1, "seed": 2015},
    {"policy": "budget", "clients": 40, "outage": 120, "retries": 8, "interval": 3, "seed": 99},
    {"policy": "decorrelated", "clients": 70, "outage": 12, "retries": 4, "interval": 7, "seed": 5},
    {"policy": "exponential", "clients": 50, "outage": 20, "retries": 6, "interval": 2, "seed": 3},
    {"policy": "full", "clients": 100, "outage": 0, "retries": 5, "interval": 1, "seed": 8},  # never down
    {"policy": "full", "clients": 100, "outage": 60, "retries": 0, "interval": 1, "seed": 8},  # no retries
]


@pytest.fixture(scope="module")
def reference():
    return python_reference("backoff_with_jitter")


@pytest.fixture(scope="module")
def simulated():
    return simulate_in_node("retry-storm", SCENARIOS, cursor=999)


def delay(reference, policy: str, attempt: int, previous: float, rng: Mulberry32) -> float:
    """The wait before the next retry, from the example's formulas (plain backoff is its AlwaysTop source)."""
    if policy == "none":
        return BASE
    if policy == "exponential":
        return reference.full_jitter(attempt, BASE, CAP, reference.AlwaysTop())
    if policy == "decorrelated":
        return reference.decorrelated_jitter(previous, BASE, CAP, rng)
    return reference.full_jitter(attempt, BASE, CAP, rng)  # full jitter, with or without the budget


def replay(reference, params: dict) -> dict[str, dict[int, int]]:
    """Each client's attempts in time order (earlier request first on a tie) through the example's delays and
    budget, drawing from the simulator's generator in the same order: calls counted per 100 ms bucket."""
    rng = Mulberry32(params["seed"])
    counts = {"firsts": {}, "retries": {}, "refused": {}, "failed": {}}

    def count(kind: str, now: float) -> None:
        slot = int(now / BUCKET)
        counts[kind][slot] = counts[kind].get(slot, 0) + 1

    for _ in range(params["clients"]):
        starts = [0.0]
        interval = params["interval"]
        if interval > 0:
            offset = rng.uniform(0, interval)
            starts = [offset]
            while offset + len(starts) * interval < TRAFFIC_FOR:
                starts.append(offset + len(starts) * interval)
        queue = [(t, k, 0, BASE) for k, t in enumerate(starts)]
        heapq.heapify(queue)
        budget = reference.RetryBudget()
        while queue:
            now, request, attempt, previous = heapq.heappop(queue)
            if attempt == 0:
                count("firsts", now)
                budget.on_request()
            else:
                count("retries", now)
            if now >= params["outage"]:
                continue
            if attempt == params["retries"]:
                count("failed", now)
                continue
            if params["policy"] == "budget" and not budget.try_spend():
                count("refused", now)
                count("failed", now)
                continue
            wait = delay(reference, params["policy"], attempt, previous, rng)
            heapq.heappush(queue, (now + wait, request, attempt + 1, wait))
    return counts


def dense(counts: dict[int, int], slots: int) -> list[int]:
    return [counts.get(i, 0) for i in range(slots)]


@pytest.mark.parametrize("index", range(len(SCENARIOS)), ids=[str(s) for s in SCENARIOS])
def test_every_bucket_matches_the_python_delays_and_budget(reference, simulated, index):
    result, expected = simulated[index], replay(reference, SCENARIOS[index])
    slots = len(result["firsts"])
    assert slots == 1 + max(max(c, default=0) for c in expected.values())
    for kind in ("firsts", "retries", "refused", "failed"):
        assert result[kind] == dense(expected[kind], slots), kind
    shown = result["summary"]
    assert shown["requests"] == sum(expected["firsts"].values())
    assert shown["retries"] == sum(expected["retries"].values())
    assert shown["peak-retries"] == max(expected["retries"].values(), default=0)


def test_the_herd_is_the_examples_herd(reference, simulated):
    """The page's chart replays the example's herd_peak scenario; the simulator's herd gives the same numbers
    when the example draws from the simulator's generator, and exactly the same spikes without jitter."""
    plain, jitter = simulated[0]["summary"], simulated[1]["summary"]
    assert (plain["peak-retries"], plain["retries"]) == reference.herd_peak(1000, reference.AlwaysTop())
    assert (jitter["peak-retries"], jitter["retries"]) == reference.herd_peak(1000, Mulberry32(2015))
    spikes = [i for i, n in enumerate(simulated[0]["retries"]) if n]
    assert spikes == [10, 30, 70, 150, 310]  # 1, 3, 7, 15 and 31 s, as the page and its chart say
    assert jitter["peak-retries"] * 5 <= plain["peak-retries"]


def test_a_budget_caps_the_extra_load_and_edges_behave(simulated):
    unbudgeted, budgeted = simulated[4]["summary"], simulated[5]["summary"]
    assert budgeted["requests"] == unbudgeted["requests"]
    assert budgeted["retries"] < unbudgeted["retries"] / 5
    assert budgeted["refused"] > 0 and unbudgeted["refused"] == 0
    never_down, no_retries = simulated[9]["summary"], simulated[10]["summary"]
    assert never_down["retries"] == never_down["failed"] == 0
    assert no_retries["retries"] == 0 and no_retries["failed"] == no_retries["requests"]
