"""Cheapest route through a weighted graph with non-negative weights: Dijkstra with a binary heap.

Backend framing: "route a request through the data centres with the lowest total latency". Time
O((V + E) log V) with heapq (lazy deletion: stale heap entries are skipped), space O(V + E).
Negative weights break it: a node is final when popped, and a negative edge could later make it cheaper.
"""

import heapq


def cheapest_path(graph: dict[str, dict[str, float]], source: str, target: str) -> tuple[float, list[str]]:
    """Return (total cost, path). Raises ValueError on a negative weight; cost is inf and path [] if unreachable."""
    for node, edges in graph.items():
        for nxt, weight in edges.items():
            if weight < 0:
                raise ValueError(f"negative weight {weight} on {node}->{nxt}: use Bellman-Ford")
    dist: dict[str, float] = {source: 0.0}
    parent: dict[str, str] = {}
    heap = [(0.0, source)]
    done: set[str] = set()
    while heap:
        d, node = heapq.heappop(heap)
        if node in done:
            continue  # a stale entry: we already found a cheaper way to this node
        done.add(node)
        if node == target:
            path = [node]
            while path[-1] != source:
                path.append(parent[path[-1]])
            return d, path[::-1]
        for nxt, weight in graph.get(node, {}).items():
            new_dist = d + weight
            if new_dist < dist.get(nxt, float("inf")):
                dist[nxt] = new_dist
                parent[nxt] = node
                heapq.heappush(heap, (new_dist, nxt))
    return float("inf"), []


if __name__ == "__main__":
    # round-trip latency in ms between regions (directed)
    latency = {
        "us-east": {"us-west": 62, "eu-west": 75},
        "us-west": {"ap-tokyo": 105},
        "eu-west": {"eu-central": 12, "ap-tokyo": 210},
        "eu-central": {"ap-tokyo": 220},
        "ap-tokyo": {},
    }
    assert cheapest_path(latency, "us-east", "ap-tokyo") == (167, ["us-east", "us-west", "ap-tokyo"])
    assert cheapest_path(latency, "us-east", "eu-central") == (87, ["us-east", "eu-west", "eu-central"])
    assert cheapest_path(latency, "us-east", "us-east") == (0, ["us-east"])
    assert cheapest_path(latency, "ap-tokyo", "us-east") == (float("inf"), [])

    # the fewest hops is not the cheapest: a -> c costs 10 directly but 3 via b
    assert cheapest_path({"a": {"c": 10, "b": 1}, "b": {"c": 2}}, "a", "c") == (3, ["a", "b", "c"])

    try:
        cheapest_path({"a": {"b": -1}}, "a", "b")
    except ValueError as err:
        assert "negative weight" in str(err)
    else:
        raise AssertionError("negative weights must be rejected")

    # randomized, against Bellman-Ford (relax every edge V - 1 times): random directed graphs of up to 7 nodes
    # with integer weights, zero included, so the sums are exact
    import random
    from itertools import pairwise

    def bellman_ford(graph: dict[str, dict[str, float]], source: str) -> dict[str, float]:
        nodes = set(graph) | {v for edges in graph.values() for v in edges} | {source}
        dist = dict.fromkeys(nodes, float("inf"))
        dist[source] = 0
        for _ in range(len(nodes) - 1):
            for u, edges in graph.items():
                for v, w in edges.items():
                    dist[v] = min(dist[v], dist[u] + w)
        return dist

    rng = random.Random(7)
    for _ in range(400):
        nodes = [chr(ord("a") + i) for i in range(rng.randint(1, 7))]
        graph = {u: {v: rng.randint(0, 20) for v in nodes if rng.random() < 0.35} for u in nodes}
        source, target = rng.choice(nodes), rng.choice(nodes)
        cost, path = cheapest_path(graph, source, target)
        assert cost == bellman_ford(graph, source)[target], (graph, source, target)
        if cost == float("inf"):
            assert path == []
        else:  # the path is real: it starts and ends right, uses existing edges, and its weights add up
            assert path[0] == source and path[-1] == target
            assert sum(graph[u][v] for u, v in pairwise(path)) == cost
    print("us-east -> ap-tokyo:", cheapest_path(latency, "us-east", "ap-tokyo"))
