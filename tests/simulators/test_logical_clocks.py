"""The logical-clocks simulator stamps every event as examples/python/lamport_clock.py and vector_clock.py do,
and finds the same pairs concurrent."""

from __future__ import annotations

import itertools

import pytest

from tests.simulators.logic import python_reference, simulate_in_node

SCENARIOS = [
    {"processes": 3, "events": 12, "sendPercent": 40, "seed": 3},
    {"processes": 3, "events": 14, "sendPercent": 70, "seed": 3},
    {"processes": 2, "events": 10, "sendPercent": 50, "seed": 11},
    {"processes": 4, "events": 24, "sendPercent": 60, "seed": 77},
    {"processes": 3, "events": 12, "sendPercent": 0, "seed": 5},  # no messages: every cross-process pair concurrent
    {"processes": 4, "events": 24, "sendPercent": 100, "seed": 9},
]


@pytest.fixture(scope="module")
def simulated():
    return simulate_in_node("logical-clocks", SCENARIOS, cursor=99)


def replay(result: dict) -> tuple[list[int], list[dict]]:
    lamport_mod, vector_mod = python_reference("lamport_clock"), python_reference("vector_clock")
    names = "ABCD"[: result["processes"]]
    lamports = {n: lamport_mod.LamportClock(n) for n in names}
    vectors = {n: vector_mod.VectorClock(n) for n in names}
    stamps, vecs = [], []
    for event in result["events"]:
        p = event["process"]
        if event["kind"] == "receive":
            stamps.append(lamports[p].receive(stamps[event["from"]]))
            vecs.append(vectors[p].receive(vecs[event["from"]]))
        elif event["kind"] == "send":
            stamps.append(lamports[p].send())
            vecs.append(vectors[p].send())
        else:
            stamps.append(lamports[p].tick())
            vecs.append(vectors[p].tick())
    return stamps, vecs


@pytest.mark.parametrize("index", range(len(SCENARIOS)))
def test_every_timestamp_and_relation_matches_the_python_clocks(simulated, index):
    result = simulated[index]
    stamps, vectors = replay(result)
    assert [e["lamport"] for e in result["events"]] == stamps
    assert [e["vector"] for e in result["events"]] == vectors
    compare = python_reference("vector_clock").compare
    concurrent = sum(compare(a, b) == "concurrent" for a, b in itertools.combinations(vectors, 2))
    assert result["summary"]["concurrent-pairs"] == concurrent


def test_causality_implies_a_smaller_lamport_time_but_not_the_converse(simulated):
    compare = python_reference("vector_clock").compare
    saw_misleading_order = False
    for result in simulated:
        for a, b in itertools.combinations(result["events"], 2):
            if compare(a["vector"], b["vector"]) == "before":
                assert a["lamport"] < b["lamport"]
            elif compare(a["vector"], b["vector"]) == "concurrent" and a["lamport"] != b["lamport"]:
                saw_misleading_order = True
    assert saw_misleading_order, "some concurrent events get different Lamport times: an order that means nothing"


def test_without_messages_only_events_on_one_process_are_ordered(simulated):
    result = simulated[4]
    assert all(e["kind"] == "local" for e in result["events"])
    by_process = {}
    for e in result["events"]:
        by_process[e["process"]] = by_process.get(e["process"], 0) + 1
    total = len(result["events"])
    same_process = sum(n * (n - 1) // 2 for n in by_process.values())
    assert result["summary"]["concurrent-pairs"] == total * (total - 1) // 2 - same_process
