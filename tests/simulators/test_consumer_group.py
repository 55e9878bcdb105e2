"""The consumer-group simulator runs examples/python/consumer_group.py's rules: on the same produced keys and
membership script, every tick leaves the same members, assignment, offsets, lag, records processed (by whom, from
which partition and offset) and counters in Node and in Python."""

from __future__ import annotations

import pytest

from tests.simulators.logic import python_reference, simulate_in_node

BASE = {
    "scenario": "scale",
    "assignor": "range",
    "partitions": 4,
    "rate": 6,
    "capacity": 3,
    "commitEvery": 5,
    "seed": 7,
}
SCENARIOS = [
    BASE,
    {**BASE, "assignor": "roundrobin"},
    {**BASE, "scenario": "crash"},
    {**BASE, "scenario": "crash", "commitEvery": 1},
    {**BASE, "scenario": "leave", "assignor": "roundrobin", "partitions": 5, "seed": 99},
    {**BASE, "scenario": "scale", "partitions": 1, "rate": 1, "capacity": 1, "commitEvery": 10, "seed": 1},
    {**BASE, "scenario": "crash", "partitions": 8, "rate": 12, "capacity": 6, "commitEvery": 3, "seed": 9999},
    {**BASE, "scenario": "leave", "partitions": 2, "rate": 12, "capacity": 1, "seed": 3},
]


@pytest.fixture(scope="module")
def reference():
    return python_reference("consumer_group")


@pytest.fixture(scope="module")
def simulated():
    return simulate_in_node("consumer-group", SCENARIOS, cursor=10**6)


def python_states(reference, params: dict, result: dict) -> list[dict]:
    group = reference.Group(params["partitions"], params["assignor"], params["capacity"], params["commitEvery"])
    states = []
    for tick, keys in enumerate(result["produced"], start=1):
        before = len(group.processed)
        group.tick(result["script"].get(str(tick), []), keys)
        states.append(
            {
                "members": list(group.members),
                "crashed": sorted(group.crashed),
                "assignment": group.assignment,
                "ends": [len(log) for log in group.logs],
                "committed": list(group.committed),
                "position": list(group.position),
                "lag": group.lag(),
                "rebalances": group.rebalances,
                "duplicates": group.duplicates,
                "overtaken": group.overtaken,
                "overtakenInPartition": group.overtaken_in_partition,
                "processed": [list(p) for p in group.processed[before:]],
            }
        )
    return states


@pytest.mark.parametrize("index", range(len(SCENARIOS)), ids=[str(i) for i in range(len(SCENARIOS))])
def test_every_tick_matches_the_python_group(reference, simulated, index):
    params, result = SCENARIOS[index], simulated[index]
    expected = python_states(reference, params, result)
    assert len(expected) == result["steps"] == len(result["states"]) - 1
    for tick, (node, python) in enumerate(zip(result["states"][1:], expected, strict=True), start=1):
        node = {**node, "processed": [[r["member"], r["partition"], r["offset"]] for r in node["processed"]]}
        assert {key: node[key] for key in python} == python, f"tick {tick} differs"
    last = expected[-1]
    assert result["summary"]["lag"] == sum(last["lag"])
    assert result["summary"]["duplicates"] == last["duplicates"]
    assert result["summary"]["idle"] == sum(1 for ps in last["assignment"].values() if not ps)


def test_order_holds_within_partitions_only(simulated):
    assert all(r["summary"]["overtaken-in-partition"] == 0 for r in simulated)
    assert any(r["summary"]["overtaken"] > 0 for r in simulated)


def test_a_fifth_consumer_on_four_partitions_is_idle_and_a_crash_replays(simulated):
    assert simulated[0]["summary"]["idle"] == 1 and simulated[0]["summary"]["rebalances"] == 5
    crash, often = simulated[2], simulated[3]
    assert crash["summary"]["duplicates"] > often["summary"]["duplicates"] >= 0
    assert simulated[4]["summary"]["duplicates"] == 0  # a clean leave commits first


def test_the_range_assignor_gives_contiguous_blocks_and_round_robin_interleaves(simulated):
    ranged, robin = simulated[0]["states"][18]["assignment"], simulated[1]["states"][18]["assignment"]
    assert ranged == {"c1": [0, 1], "c2": [2], "c3": [3]}
    assert robin == {"c1": [0, 3], "c2": [1], "c3": [2]}
