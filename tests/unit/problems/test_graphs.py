"""Graph problems: the page's examples, edge cases, and each solution against a brute force on seeded inputs."""

from __future__ import annotations

import itertools
import random

import pytest

from tests.support.problem_solutions import each_seed, solution

build = solution("build_order")
blast = solution("blast_radius")
delay = solution("replication_delay")
partitions = solution("network_partitions")
zones = solution("two_zone_placement")
makespan = solution("pipeline_makespan")
route = solution("cheapest_route")

NAMES = "abcdef"


def random_needs(rng: random.Random) -> dict[str, list[str]]:
    names = NAMES[: rng.randint(1, 6)]
    return {p: rng.sample(names, rng.randint(0, min(2, len(names)))) for p in names if rng.random() < 0.9}


# build order ---------------------------------------------------------------------------------------------------
def test_build_order_examples():
    assert build.build_order({"api": ["auth", "db"], "auth": ["db"], "db": []}) == ["db", "auth", "api"]
    assert build.build_order({"web": ["ui", "api"], "ui": [], "api": []}) == ["api", "ui", "web"]
    with pytest.raises(build.CycleError) as caught:
        build.build_order({"billing": ["ledger"], "ledger": ["accounts"], "accounts": ["billing"], "web": []})
    assert caught.value.cycle == ["accounts", "billing", "ledger", "accounts"]


def test_build_order_edge_cases():
    assert build.build_order({}) == []
    assert build.build_order({"a": ["b", "b"]}) == ["b", "a"]  # a repeated dependency is one edge
    with pytest.raises(build.CycleError) as caught:
        build.build_order({"a": ["a"]})
    assert caught.value.cycle == ["a", "a"]
    chain = {f"p{i:06d}": [f"p{i + 1:06d}"] for i in range(20_000)}
    assert build.build_order(chain)[0] == "p020000"


@each_seed
def test_build_order_matches_brute_force(seed):
    needs = random_needs(random.Random(seed))
    packages = sorted(set(needs) | {d for deps in needs.values() for d in deps})

    def valid(order):
        where = {p: i for i, p in enumerate(order)}
        return all(where[d] < where[p] for p, deps in needs.items() for d in deps)

    smallest = next((list(order) for order in itertools.permutations(packages) if valid(order)), None)
    if smallest is not None:
        assert build.build_order(needs) == smallest
    else:
        with pytest.raises(build.CycleError) as caught:
            build.build_order(needs)
        cycle = caught.value.cycle
        assert cycle[0] == cycle[-1] and len(set(cycle[:-1])) == len(cycle) - 1
        assert all(b in needs[a] for a, b in itertools.pairwise(cycle))


# blast radius --------------------------------------------------------------------------------------------------
def test_blast_radius_examples():
    calls = {"web": ["api"], "api": ["auth", "db"], "auth": ["db"], "batch": ["db"], "db": []}
    assert blast.blast_radius(calls, "db") == {"api": 1, "auth": 1, "batch": 1, "web": 2}
    assert blast.blast_radius(calls, "web") == {}


def test_blast_radius_edge_cases():
    assert blast.blast_radius({}, "x") == {}
    assert blast.blast_radius({"a": ["b"], "b": ["a"]}, "a") == {"b": 1}  # a cycle does not loop forever


@each_seed
def test_blast_radius_matches_brute_force(seed):
    rng = random.Random(seed)
    calls = random_needs(rng)
    failing = rng.choice(NAMES)
    nodes = set(NAMES)
    far = len(nodes) + 1
    dist = {n: 0 if n == failing else far for n in nodes}
    for _ in nodes:  # Bellman-Ford with unit weights over reversed edges
        for caller, callees in calls.items():
            for callee in callees:
                dist[caller] = min(dist[caller], dist[callee] + 1)
    expected = {n: d for n, d in dist.items() if 0 < d < far}
    assert blast.blast_radius(calls, failing) == expected


# replication delay ---------------------------------------------------------------------------------------------
def test_replication_delay_examples():
    links = [("p", "r1", 4), ("p", "r2", 10), ("r1", "r2", 3), ("r2", "r3", 2)]
    assert delay.replication_delay(["p", "r1", "r2", "r3"], links, "p") == 9
    assert delay.replication_delay(["p", "r1", "lost"], [("p", "r1", 5)], "p") is None


def test_replication_delay_edge_cases():
    assert delay.replication_delay(["p"], [], "p") == 0
    assert delay.replication_delay(["p", "r"], [("p", "r", 0)], "p") == 0


@each_seed
def test_replication_delay_matches_bellman_ford(seed):
    rng = random.Random(seed)
    nodes = list(NAMES[: rng.randint(1, 6)])
    links = [(rng.choice(nodes), rng.choice(nodes), rng.randint(0, 9)) for _ in range(rng.randint(0, 12))]
    inf = float("inf")
    arrival = {n: inf for n in nodes}
    arrival[nodes[0]] = 0
    for _ in nodes:
        for a, b, ms in links:
            arrival[b] = min(arrival[b], arrival[a] + ms)
    expected = None if inf in arrival.values() else max(arrival.values())
    assert delay.replication_delay(nodes, links, nodes[0]) == expected


# network partitions --------------------------------------------------------------------------------------------
def test_partitions_examples():
    assert partitions.partitions_after_each_link(5, [(0, 1), (3, 4), (1, 0), (1, 3), (2, 2)]) == [4, 3, 3, 2, 2]


def test_partitions_edge_cases():
    assert partitions.partitions_after_each_link(1, []) == []
    n = 20_000
    assert partitions.partitions_after_each_link(n, [(i, i + 1) for i in range(n - 1)])[-1] == 1


@each_seed
def test_partitions_match_recount(seed):
    rng = random.Random(seed)
    n = rng.randint(1, 8)
    links = [(rng.randrange(n), rng.randrange(n)) for _ in range(rng.randint(0, 10))]
    expected = []
    for upto in range(1, len(links) + 1):
        label = list(range(n))
        for _ in range(n):  # propagate the smallest label along links until nothing changes
            for a, b in links[:upto]:
                label[a] = label[b] = min(label[a], label[b])
        expected.append(len(set(label)))
    assert partitions.partitions_after_each_link(n, links) == expected


# two-zone placement --------------------------------------------------------------------------------------------
def test_two_zones_examples():
    assert zones.place_in_two_zones(4, [(0, 1), (1, 2), (2, 3)]) == [0, 1, 0, 1]
    assert zones.place_in_two_zones(3, [(0, 1), (1, 2), (2, 0)]) is None


def test_two_zones_edge_cases():
    assert zones.place_in_two_zones(0, []) == []
    assert zones.place_in_two_zones(2, []) == [0, 0]
    assert zones.place_in_two_zones(1, [(0, 0)]) is None


@each_seed
def test_two_zones_match_brute_force(seed):
    rng = random.Random(seed)
    n = rng.randint(1, 8)
    conflicts = [(rng.randrange(n), rng.randrange(n)) for _ in range(rng.randint(0, 9))]
    possible = any(all(z[a] != z[b] for a, b in conflicts) for z in itertools.product((0, 1), repeat=n))
    got = zones.place_in_two_zones(n, conflicts)
    assert (got is not None) == possible
    if got is not None:
        assert all(got[a] != got[b] for a, b in conflicts)


# pipeline makespan ---------------------------------------------------------------------------------------------
def test_makespan_examples():
    jobs = {
        "extract": (10, []),
        "clean": (5, ["extract"]),
        "index": (20, ["extract"]),
        "report": (3, ["clean", "index"]),
    }
    assert makespan.earliest_finish(jobs) == 33
    with pytest.raises(ValueError, match="cycle"):
        makespan.earliest_finish({"a": (1, ["b"]), "b": (1, ["a"])})


def test_makespan_edge_cases():
    assert makespan.earliest_finish({}) == 0
    assert makespan.earliest_finish({"a": (0, []), "b": (7, [])}) == 7


@each_seed
def test_makespan_matches_relaxation(seed):
    rng = random.Random(seed)
    names = [f"j{i}" for i in range(rng.randint(1, 8))]
    jobs = {n: (rng.randint(0, 9), rng.sample(names[:i], rng.randint(0, min(i, 3)))) for i, n in enumerate(names)}
    finish = dict.fromkeys(names, 0)
    for _ in names:  # a DAG's finish times settle after at most V rounds of relaxation
        for n, (minutes, deps) in jobs.items():
            finish[n] = minutes + max((finish[d] for d in deps), default=0)
    assert makespan.earliest_finish(jobs) == max(finish.values())


# cheapest route ------------------------------------------------------------------------------------------------
def test_cheapest_route_examples():
    links = [("fra", "iad", 100), ("iad", "sfo", 100), ("fra", "sfo", 500), ("fra", "lhr", 50), ("lhr", "iad", 40)]
    assert route.cheapest_route(links, "fra", "sfo", 1) == 200
    assert route.cheapest_route(links, "fra", "sfo", 2) == 190
    assert route.cheapest_route(links, "fra", "sfo", 0) == 500


def test_cheapest_route_edge_cases():
    assert route.cheapest_route([], "a", "a", 0) == 0
    assert route.cheapest_route([("a", "b", 1)], "b", "a", 3) is None


@each_seed
def test_cheapest_route_matches_path_enumeration(seed):
    rng = random.Random(seed)
    nodes = NAMES[: rng.randint(2, 5)]
    links = [(rng.choice(nodes), rng.choice(nodes), rng.randint(0, 20)) for _ in range(rng.randint(0, 10))]
    k = rng.randint(0, 3)
    source, target = rng.choice(nodes), rng.choice(nodes)
    best = 0 if source == target else None
    frontier = [(source, 0)]
    for _ in range(k + 1):  # every walk of up to k + 1 links
        frontier = [(b, cost + c) for node, cost in frontier for a, b, c in links if a == node]
        for node, cost in frontier:
            if node == target and (best is None or cost < best):
                best = cost
    assert route.cheapest_route(links, source, target, k) == best
