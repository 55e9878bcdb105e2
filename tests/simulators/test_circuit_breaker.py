"""The circuit-breaker simulator decides every call as examples/python/circuit_breaker.py's CircuitBreaker does,
given the same calls at the same times with the same outcomes at the dependency."""

from __future__ import annotations

import pytest

from tests.simulators.logic import python_reference, simulate_in_node
from tests.simulators.seeded import Mulberry32

HORIZON, INCIDENT_START = 90, 10
SETTINGS = {"threshold": 50, "window": 10, "minimum": 5, "wait": 10, "trials": 3, "seed": 4}
SCENARIOS = [
    {**SETTINGS, "failure": 100, "incident": 30, "rate": 5},
    {**SETTINGS, "failure": 60, "incident": 50, "rate": 5},
    {**SETTINGS, "failure": 20, "incident": 70, "rate": 5},
    {**SETTINGS, "failure": 20, "incident": 70, "rate": 5, "window": 50, "minimum": 20},
    {**SETTINGS, "failure": 100, "incident": 30, "rate": 3, "minimum": 20},  # minimum above the window: never opens
    {**SETTINGS, "failure": 0, "incident": 80, "rate": 20},  # a healthy dependency
    {
        "threshold": 100,
        "window": 1,
        "minimum": 1,
        "wait": 1,
        "trials": 1,
        "seed": 77,
        "failure": 50,
        "incident": 80,
        "rate": 7,
    },  # noqa: E501
    {
        "threshold": 5,
        "window": 50,
        "minimum": 50,
        "wait": 60,
        "trials": 10,
        "seed": 9,
        "failure": 35,
        "incident": 60,
        "rate": 13,
    },  # noqa: E501
]


@pytest.fixture(scope="module")
def reference():
    return python_reference("circuit_breaker")


@pytest.fixture(scope="module")
def simulated():
    return simulate_in_node("circuit-breaker", SCENARIOS, cursor=HORIZON)


def replay(reference, params: dict) -> tuple[list[float], list[str], list[str]]:
    """The same calls (call k at k / rate s; one draw per call decides a failure during the incident) through the
    example's breaker, its fake clock and its dependency."""
    rng = Mulberry32(params["seed"])
    clock, dependency = reference.FakeClock(), reference.Dependency()
    breaker = reference.CircuitBreaker(
        clock=clock,
        failure_rate_threshold=params["threshold"],
        window_size=params["window"],
        minimum_calls=params["minimum"],
        wait_in_open=params["wait"],
        half_open_calls=params["trials"],
    )
    times, outcomes, states = [], [], []
    k = 0
    while k / params["rate"] < HORIZON:
        clock.now = k / params["rate"]
        draw = int(rng.random() * 100)
        during = INCIDENT_START <= clock.now < INCIDENT_START + params["incident"]
        dependency.healthy = not (during and draw < params["failure"])
        outcomes.append(reference.attempt(breaker, dependency))
        states.append(breaker.state.value)
        times.append(clock.now)
        k += 1
    return times, outcomes, states


@pytest.mark.parametrize("index", range(len(SCENARIOS)))
def test_every_call_and_state_matches_the_python_breaker(reference, simulated, index):
    result = simulated[index]
    times, outcomes, states = replay(reference, SCENARIOS[index])
    assert result["times"] == times
    assert result["outcomes"] == outcomes
    assert result["states"] == states
    shown = result["summary"]
    assert (shown["calls"], shown["ok"], shown["failed"], shown["rejected"]) == (
        len(outcomes),
        outcomes.count("ok"),
        outcomes.count("failed"),
        outcomes.count("rejected"),
    )
    assert shown["state"] == states[-1]


def test_the_state_machine_moves_only_along_its_edges(simulated):
    edges = {("closed", "open"), ("open", "half-open"), ("half-open", "closed"), ("half-open", "open")}
    for result in simulated:
        assert {(t["from"], t["to"]) for t in result["transitions"]} <= edges


def test_the_outage_opens_sheds_and_recovers(simulated):
    outage = simulated[0]
    moves = [(t["time"], t["to"]) for t in outage["transitions"]]
    assert moves[0] == (10.8, "open"), "the fifth failure reaches the minimum at 100%"
    assert moves[-1][1] == "closed" and moves[-1][0] >= INCIDENT_START + 30, "closes only after the incident"
    assert outage["summary"]["rejected"] > 10 * outage["summary"]["failed"]
    assert simulated[4]["transitions"] == [] and simulated[5]["transitions"] == []
    assert simulated[5]["summary"]["failed"] == 0
