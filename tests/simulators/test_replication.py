"""The quorum simulator decides every write, read and handoff as examples/python/quorum_replication.py does on
the same run (the same timestamps and the same replies first), and every replica holds the same version after
every step; the counts it shows follow from those outcomes."""

from __future__ import annotations

import pytest

from tests.simulators.logic import python_reference, simulate_in_node

SCENARIOS = [
    {"n": 3, "w": 2, "r": 2, "script": "outage", "quorum": "strict", "seed": 1},  # R + W > N
    {"n": 3, "w": 1, "r": 1, "script": "outage", "quorum": "strict", "seed": 1},  # R + W <= N
    {"n": 3, "w": 3, "r": 1, "script": "outage", "quorum": "strict", "seed": 2},  # W = N: fails with one down
    {"n": 5, "w": 3, "r": 3, "script": "outage", "quorum": "sloppy", "seed": 4},
    {"n": 3, "w": 2, "r": 2, "script": "concurrent", "quorum": "strict", "seed": 1},  # LWW drops a write
    {"n": 3, "w": 2, "r": 2, "script": "partition", "quorum": "strict", "seed": 1},
    {"n": 3, "w": 2, "r": 2, "script": "partition", "quorum": "sloppy", "seed": 1},  # hinted handoff
    {"n": 1, "w": 1, "r": 1, "script": "partition", "quorum": "sloppy", "seed": 3},
    {"n": 2, "w": 5, "r": 5, "script": "outage", "quorum": "strict", "seed": 9},  # W and R above N are capped at N
    *(
        {"n": n, "w": w, "r": r, "script": "random", "quorum": q, "seed": s}
        for n, w, r, q, s in [
            (3, 2, 2, "strict", 5),
            (3, 1, 1, "sloppy", 6),
            (5, 2, 3, "sloppy", 7),
            (4, 1, 2, "strict", 8),
        ]
    ),
]


@pytest.fixture(scope="module")
def reference():
    return python_reference("quorum_replication")


@pytest.fixture(scope="module")
def simulated():
    return simulate_in_node("replication", SCENARIOS, cursor=99)


def replay(reference, result: dict, sloppy: bool) -> list[dict]:
    cluster = reference.Cluster(result["nodes"], n=result["n"], w=result["w"], r=result["r"], sloppy=sloppy)
    states = []
    for step in result["run"]:
        if step["op"] == "write":
            outcome = [cluster.write(x["value"], x["ts"], x["order"]) for x in step["writes"]]
        elif step["op"] == "read":
            outcome = cluster.read(step["order"])
        elif step["op"] == "handoff":
            outcome = cluster.handoff()
        else:
            for node in step["nodes"]:
                cluster.set_up(node, step["op"] == "up")
            outcome = None
        cluster.end_step()
        states.append(
            {
                "outcome": outcome,
                "up": dict(cluster.up),
                "stored": {x: v and v["value"] for x, v in cluster.stored.items()},
                "hints": {x: len(h) for x, h in cluster.hints.items()},
            }
        )
    return states


@pytest.mark.parametrize("index", range(len(SCENARIOS)))
def test_every_outcome_and_replica_matches_the_python_cluster(reference, simulated, index):
    params, result = SCENARIOS[index], simulated[index]
    assert (result["w"], result["r"]) == (min(params["w"], params["n"]), min(params["r"], params["n"]))
    expected = replay(reference, result, params["quorum"] == "sloppy")
    for step, wanted in zip(result["run"], expected, strict=True):
        assert {k: step[k] for k in wanted} == wanted


def counts(reference, result: dict) -> dict:
    """The page's counts, recomputed from the outcomes with the reference's last-writer-wins order."""
    newest_acked = newest_sent = None
    out = dict.fromkeys(("writes-ok", "writes-failed", "reads-ok", "stale-reads", "failed-reads", "lww-dropped"), 0)
    for step in result["run"]:
        if step["op"] == "write":
            for x, o in zip(step["writes"], step["outcome"], strict=True):
                version = {"value": x["value"], "ts": x["ts"]}
                out["writes-ok" if o["ok"] else "writes-failed"] += 1
                if o["ok"] and newest_sent and reference.newer(newest_sent, version):
                    out["lww-dropped"] += 1
                if reference.newer(version, newest_sent):
                    newest_sent = version
                if o["ok"] and reference.newer(version, newest_acked):
                    newest_acked = version
        elif step["op"] == "read":
            ok = step["outcome"]["ok"]
            out["reads-ok" if ok else "failed-reads"] += 1
            stale = ok and newest_acked and reference.newer(newest_acked, step["outcome"]["version"])
            out["stale-reads"] += bool(stale)
    return out


@pytest.mark.parametrize("index", range(len(SCENARIOS)))
def test_the_counts_shown_follow_from_the_outcomes(reference, simulated, index):
    summary = simulated[index]["summary"]
    assert {k: summary[k] for k in counts(reference, simulated[index])} == counts(reference, simulated[index])


def test_overlapping_quorums_never_read_stale_and_disjoint_ones_do(simulated):
    for params, result in zip(SCENARIOS, simulated, strict=True):
        if params["quorum"] == "strict" and result["r"] + result["w"] > result["n"]:
            assert result["summary"]["stale-reads"] == 0, params
    assert simulated[1]["summary"]["stale-reads"] > 0  # W = R = 1 of N = 3


def test_last_writer_wins_drops_the_later_write_of_the_slower_clock(simulated):
    result = simulated[4]
    assert result["summary"]["lww-dropped"] == 1
    assert {result["summary"][f"value-{x}"] for x in "ABC"} == {"v2"}  # X's write, 500 ms ahead, beat Y's v3


def test_a_strict_quorum_refuses_what_a_sloppy_one_accepts_and_hands_off(simulated):
    strict, sloppy = simulated[5], simulated[6]
    assert strict["run"][2]["outcome"][0]["ok"] is False
    assert sloppy["run"][2]["outcome"][0] == {"acks": 3, "ok": True, "hinted": ["D", "E"]}
    handoff = next(step for step in sloppy["run"] if step["op"] == "handoff")
    assert handoff["outcome"] == 2
    assert sloppy["summary"]["stale-reads"] == 1  # the read between the nodes' return and the handoff
    assert sloppy["run"][-1]["outcome"]["version"]["value"] == "v2"
