"""The queueing simulator serves every request as examples/python/queueing.py does on the same trace, and shows
the same Little's law numbers, L measured by integration equal to lambda times W."""

from __future__ import annotations

import pytest

from tests.simulators.logic import python_reference, simulate_in_node
from tests.simulators.seeded import Mulberry32

SECONDS, CURSOR = 60, 30
SCENARIOS = [
    {"rate": 80, "service": 10, "workers": 1, "limit": 0, "seed": 2},
    {"rate": 120, "service": 10, "workers": 1, "limit": 0, "seed": 2},
    {"rate": 120, "service": 10, "workers": 1, "limit": 50, "seed": 2},
    {"rate": 100, "service": 50, "workers": 20, "limit": 100, "seed": 2},
    {"rate": 100, "service": 500, "workers": 20, "limit": 100, "seed": 2},
    {"rate": 1000, "service": 1, "workers": 1, "limit": 1, "seed": 5},  # an arrival every ms, 1 ms of work each
    {"rate": 300, "service": 2000, "workers": 200, "limit": 0, "seed": 9},
    {"rate": 1, "service": 1, "workers": 1, "limit": 0, "seed": 3},
    {"rate": 50, "service": 100, "workers": 3, "limit": 1, "seed": 11},
]


@pytest.fixture(scope="module")
def reference():
    return python_reference("queueing")


@pytest.fixture(scope="module")
def simulated():
    return simulate_in_node("queueing", SCENARIOS, cursor=CURSOR)


def served_by_python(reference, params: dict):
    arrivals = reference.trace(params["rate"], params["service"], SECONDS * 1000, Mulberry32(params["seed"]))
    return reference.run_queue(arrivals, params["workers"], params["limit"] or None)


@pytest.mark.parametrize("index", range(len(SCENARIOS)), ids=[str(s) for s in SCENARIOS])
def test_every_request_and_littles_law_match_the_python_queue(reference, simulated, index):
    result, requests = simulated[index], served_by_python(reference, SCENARIOS[index])
    assert result["requests"] == [[r.arrival, r.service, r.start, r.finish] for r in requests]
    L, lam, W = reference.littles_law(requests)
    law = result["law"]
    assert law["L"] == pytest.approx(L, rel=1e-12)
    assert law["lambda"] == pytest.approx(lam, rel=1e-12)
    assert law["W"] == pytest.approx(W, rel=1e-12)
    shown = result["summary"]
    assert float(shown["L"]) == pytest.approx(float(shown["lambda-W"]), abs=0.011), "L = lambda W on the page"

    t = CURSOR * 1000
    before = [r for r in requests if r.arrival < t]
    assert shown["arrived"] == len(before)
    assert shown["rejected"] == sum(r.start is None for r in before)
    assert shown["in-system"] == sum(r.start is not None and r.finish > t for r in before)
    assert shown["waiting"] == sum(r.start is not None and r.start > t for r in before)


def test_overload_grows_the_line_and_a_limit_bounds_it(simulated):
    stable, unbounded, bounded = (simulated[i] for i in range(3))
    assert stable["summary"]["rejected"] == 0 and stable["summary"]["in-system"] < 20
    assert unbounded["summary"]["in-system"] > 400, "120/s against 100/s: about 20 more waiting each second"
    assert bounded["summary"]["waiting"] <= 50 < bounded["summary"]["rejected"]
    assert float(bounded["summary"]["latency"]) < float(unbounded["summary"]["latency"]) / 5
    # Throughput is capped by the workers: lambda in Little's law is what is served, not what is offered.
    assert float(unbounded["summary"]["lambda"]) < 105
    every_ms = simulated[5]  # one arrival and one ms of work every ms: the worker frees up just in time
    assert every_ms["summary"]["rejected"] == every_ms["summary"]["waiting"] == 0
    assert all(start == arrival for arrival, _, start, _ in every_ms["requests"])
