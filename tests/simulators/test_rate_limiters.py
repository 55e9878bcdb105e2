"""The rate-limiting simulator decides exactly as examples/python/rate_limiters.py on the same traces."""

from __future__ import annotations

import pytest

from tests.simulators.logic import python_reference, simulate_in_node

SCENARIOS = [
    {"trace": "boundary", "limit": 10, "window": 60, "seed": 7},
    {"trace": "bursty", "limit": 10, "window": 60, "seed": 7},
    {"trace": "bursty", "limit": 3, "window": 10, "seed": 4242},
    {"trace": "bursty", "limit": 50, "window": 120, "seed": 1},
    {"trace": "steady", "limit": 10, "window": 60, "seed": 7},
    {"trace": "steady", "limit": 1, "window": 1, "seed": 7},
    {"trace": "boundary", "limit": 0, "window": 60, "seed": 7},  # zero tokens: nothing is ever admitted
    {"trace": "steady", "limit": 0, "window": 5, "seed": 7},
]


@pytest.fixture(scope="module")
def reference():
    return python_reference("rate_limiters")


@pytest.fixture(scope="module")
def simulated():
    return simulate_in_node("rate-limiters", SCENARIOS)


def replay(reference, params: dict, times: list[float]) -> dict:
    """Feed the simulator's trace to the Python limiters, configured as the simulator configures its own."""
    clock = reference.FakeClock(times[0] if times else 0.0)
    rate = params["limit"] / params["window"]
    limit, window = params["limit"], params["window"]
    limiters = {
        "token": reference.TokenBucket(rate=rate, capacity=limit, clock=clock),
        "fixed": reference.FixedWindow(limit=limit, window=window, clock=clock),
        "log": reference.SlidingWindowLog(limit=limit, window=window, clock=clock),
        "counter": reference.SlidingWindowCounter(limit=limit, window=window, clock=clock),
    }
    leaky = reference.LeakyBucket(rate=rate, capacity=limit, clock=clock)
    decisions = {key: [] for key in (*limiters, "leaky")}
    waits = []
    for now in times:
        clock.now = now
        for key, limiter in limiters.items():
            decisions[key].append(limiter.allow())
        wait = leaky.admit()
        waits.append(wait)
        decisions["leaky"].append(wait is not None)
    return {"decisions": decisions, "waits": waits}


@pytest.mark.parametrize(
    "index", range(len(SCENARIOS)), ids=[f"{s['trace']}-{s['limit']}-{s['window']}-{s['seed']}" for s in SCENARIOS]
)
def test_every_decision_and_queue_wait_matches_the_python_limiters(reference, simulated, index):
    params, result = SCENARIOS[index], simulated[index]
    assert result["steps"] == len(result["times"]) > 0
    expected = replay(reference, params, result["times"])
    assert result["decisions"] == expected["decisions"]
    assert result["waits"] == expected["waits"]


def test_the_boundary_trace_shows_the_fixed_window_flaw(simulated):
    result = simulated[0]  # 10 at 59 s and 10 at 60 s, limit 10 a minute
    first_twenty = {key: sum(flags[:20]) for key, flags in result["decisions"].items()}
    assert first_twenty["fixed"] == 20, "the fixed window admits both bursts: twice the limit within a second"
    assert first_twenty["log"] == first_twenty["counter"] == first_twenty["token"] == 10
    assert first_twenty["leaky"] == 11, "one forwarded at once, ten queued"


def test_zero_tokens_admits_nothing(simulated):
    for index in (6, 7):
        assert not any(any(flags) for flags in simulated[index]["decisions"].values())


def test_a_seed_reproduces_its_trace_and_another_seed_does_not():
    again = simulate_in_node("rate-limiters", [SCENARIOS[1], SCENARIOS[1], {**SCENARIOS[1], "seed": 8}])
    assert again[0]["times"] == again[1]["times"]
    assert again[0]["times"] != again[2]["times"]
