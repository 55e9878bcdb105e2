"""The Raft simulator runs examples/python/raft_model.py's rules: every scripted scenario, with the same seeded
election timeouts, leaves every server in the same state (role, term, vote, log, commit index, election
deadline) after every tick in Node and in Python, and the page's numbers follow from those states."""

from __future__ import annotations

import pytest

from tests.simulators.logic import python_reference, simulate_in_node
from tests.simulators.seeded import integer, mulberry32

SCENARIOS = [
    {"scenario": "election", "rule": "current", "noop": "on", "seed": 4},
    {"scenario": "election", "rule": "current", "noop": "off", "seed": 11},
    {"scenario": "split", "rule": "current", "noop": "on", "seed": 4},
    {"scenario": "partition", "rule": "current", "noop": "on", "seed": 4},
    {"scenario": "partition", "rule": "any", "noop": "off", "seed": 77},
    {"scenario": "figure8", "rule": "current", "noop": "off", "seed": 4},
    {"scenario": "figure8", "rule": "any", "noop": "off", "seed": 4},
    {"scenario": "figure8", "rule": "any", "noop": "on", "seed": 4},
    *(
        {"scenario": s, "rule": "current", "noop": "on", "seed": seed}
        for s in ("election", "split")
        for seed in (1, 9999)
    ),
]


@pytest.fixture(scope="module")
def raft():
    return python_reference("raft_model")


@pytest.fixture(scope="module")
def simulated():
    return simulate_in_node("raft", SCENARIOS, cursor=10**6)


def python_states(raft, params: dict, script: dict, ticks: int) -> list[dict]:
    draw = mulberry32(params["seed"])
    low, high = raft.TIMEOUT_MIN, raft.TIMEOUT_MAX
    cluster = raft.Cluster(lambda: integer(draw, low, high), params["rule"] == "any", params["noop"] == "on")

    def snapshot() -> dict:
        return {
            "servers": [
                {
                    "role": s.role,
                    "term": s.term,
                    "votedFor": s.voted_for,
                    "log": [list(e) for e in s.log],
                    "commit": s.commit,
                    "deadline": s.deadline,
                }
                for s in cluster.servers
            ],
            "groups": [sorted(g) for g in cluster.groups],
            "overwritten": sorted(cluster.overwritten),
        }

    states = [snapshot()]
    for tick in range(1, ticks + 1):
        cluster.tick(script.get(str(tick), []))
        states.append(snapshot())
    return states


@pytest.mark.parametrize(
    "index", range(len(SCENARIOS)), ids=[f"{s['scenario']}-{s['rule']}-{s['noop']}-{s['seed']}" for s in SCENARIOS]
)
def test_every_server_matches_the_python_model_after_every_tick(raft, simulated, index):
    params, result = SCENARIOS[index], simulated[index]
    expected = python_states(raft, params, result["script"], result["steps"])
    assert len(result["states"]) == len(expected) == result["steps"] + 1
    for tick, (node, python) in enumerate(zip(result["states"], expected, strict=True)):
        node = {key: node[key] for key in python}
        assert node == python, f"tick {tick} differs"
    last = expected[-1]
    assert result["summary"]["term"] == max(s["term"] for s in last["servers"])
    assert result["summary"]["committed"] == max(s["commit"] for s in last["servers"])
    assert result["summary"]["overwritten"] == len(last["overwritten"])


def leaders_by_term(result: dict) -> dict[int, set[int]]:
    found: dict[int, set[int]] = {}
    for state in result["states"]:
        for sid, s in enumerate(state["servers"]):
            if s["role"] == "leader":
                found.setdefault(s["term"], set()).add(sid)
    return found


def test_at_most_one_leader_per_term_in_every_run(simulated):
    for result in simulated:
        assert all(len(ids) == 1 for ids in leaders_by_term(result).values())


def test_the_split_vote_leaves_term_2_without_a_leader(simulated):
    found = leaders_by_term(simulated[2])
    assert 1 in found and 2 not in found and max(found) >= 3


def test_the_isolated_leader_commits_nothing_and_is_overwritten(simulated):
    states = simulated[3]["states"]
    during = states[41]  # just before the partition heals at tick 42
    assert during["servers"][0]["role"] == "leader" and during["servers"][0]["term"] == 1
    assert ["lost" in [cmd for _, cmd in s["log"]] for s in during["servers"]] == [True, True, False, False, False]
    assert during["servers"][0]["commit"] < len(during["servers"][0]["log"])
    final = states[-1]["servers"]
    assert all(s["log"] == final[4]["log"] and s["commit"] == len(s["log"]) for s in final)
    assert not any(cmd == "lost" for s in final for _, cmd in s["log"])


def test_only_the_unsafe_rule_loses_a_committed_entry_in_figure_8(simulated):
    safe, unsafe = simulated[5], simulated[6]
    assert safe["states"][-1]["overwritten"] == [] and unsafe["states"][-1]["overwritten"] == [2]
    # Under Raft's rule x (term 1, index 2) is on 4 of 5 servers in term 3 and still not committed.
    at25 = safe["states"][25]["servers"]
    assert sum(s["log"][1:2] == [[1, "x"]] for s in at25) >= 3 and at25[0]["commit"] == 1
