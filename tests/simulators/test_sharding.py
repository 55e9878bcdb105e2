"""The resharding simulator counts the keys each join moves as the Python references do: hash mod N and the
shard map of examples/python/logical_shards.py, and the ring of examples/python/consistent_hash_ring.py, on the
same keys; with the chart's scenario, its mod N and ring counts are the ones figures/charts/keys-moved.py plots."""

from __future__ import annotations

import pytest

from tests.simulators.logic import python_reference, simulate_in_node

SCENARIOS = [
    {"nodes": 4, "joins": 4, "keys": 10000, "shards": 1024, "vnodes": 100},
    {"nodes": 2, "joins": 14, "keys": 20000, "shards": 1024, "vnodes": 100},  # the chart's sizes and keys
    {"nodes": 10, "joins": 4, "keys": 10000, "shards": 16, "vnodes": 100},  # too few logical shards
    {"nodes": 4, "joins": 4, "keys": 10000, "shards": 1024, "vnodes": 1},
    {"nodes": 1, "joins": 3, "keys": 1000, "shards": 16, "vnodes": 7},  # 1 to 2 nodes: mod N moves about half
]


@pytest.fixture(scope="module")
def shards_ref():
    return python_reference("logical_shards")


@pytest.fixture(scope="module")
def ring_ref():
    return python_reference("consistent_hash_ring")


@pytest.fixture(scope="module")
def simulated():
    return simulate_in_node("sharding", SCENARIOS, cursor=99)


def replay(shards_ref, ring_ref, params: dict) -> tuple[list[dict], list[int]]:
    keys = [f"user:{i}" for i in range(params["keys"])]
    positions = [shards_ref.position(k) for k in keys]
    shard_map = shards_ref.LogicalShards(params["shards"], params["nodes"])
    ring = ring_ref.HashRing([f"cache-{i}" for i in range(params["nodes"])], vnodes=params["vnodes"])
    on_ring = [ring.node_for(k) for k in keys]
    joins = []
    for n in range(params["nodes"], params["nodes"] + params["joins"]):
        moved_shards = set(shard_map.add_node())
        ring.add(f"cache-{n}")
        after = [ring.node_for(k) for k in keys]
        joins.append(
            {
                "from": n,
                "modulo": sum(p % n != p % (n + 1) for p in positions),
                "logical": sum(shard_map.shard_for(k) in moved_shards for k in keys),
                "ring": sum(a != b for a, b in zip(on_ring, after, strict=True)),
                "shardsMoved": len(moved_shards),
            }
        )
        on_ring = after
    return joins, shard_map.owner


@pytest.mark.parametrize("index", range(len(SCENARIOS)))
def test_every_join_moves_the_keys_the_python_references_move(shards_ref, ring_ref, simulated, index):
    params, result = SCENARIOS[index], simulated[index]
    joins, shard_map = replay(shards_ref, ring_ref, params)
    assert result["joins"] == joins
    assert result["shardMap"] == shard_map
    for key in ("modulo", "logical", "ring"):
        assert result["summary"][f"{key}-total"] == sum(join[key] for join in joins)


def test_the_chart_scenario_has_the_chart_sizes_and_the_pages_numbers(simulated):
    result = simulated[1]
    assert [j["from"] for j in result["joins"]] == list(range(2, 16))  # keys-moved.py: sizes = range(2, 16)
    by_size = {j["from"]: j for j in result["joins"]}
    # The sharding page: 4 to 5 nodes moves 80% under mod N, 10 to 11 about 91%.
    assert round(100 * by_size[4]["modulo"] / result["keys"]) == 80
    assert round(100 * by_size[10]["modulo"] / result["keys"]) == 91
    for join in result["joins"]:
        ideal = result["keys"] / (join["from"] + 1)
        assert join["modulo"] > 0.8 * result["keys"] * join["from"] / (join["from"] + 1)
        assert abs(join["logical"] - ideal) < 0.15 * ideal + 100
        assert abs(join["ring"] - ideal) < 0.35 * ideal


def test_too_few_logical_shards_leave_a_newcomer_with_one_shard_and_unbalanced_nodes(simulated):
    result = simulated[2]
    assert [j["shardsMoved"] for j in result["joins"]] == [16 // n for n in range(11, 15)]
    held = [result["shardMap"].count(node) for node in range(14)]
    assert max(held) == 2 * min(held) == 2  # some nodes hold twice the shards, so twice the keys, of others
