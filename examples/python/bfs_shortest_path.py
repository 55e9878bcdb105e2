"""Fewest hops between two nodes of an unweighted graph: breadth-first search.

Backend framing: "how many service hops from the edge to the database?", "degrees of separation between two
users", "fewest moves on a grid". BFS visits nodes in order of distance, so the first time it reaches the
target is along a shortest path. Time O(V + E), space O(V).
"""

from collections import deque


def shortest_path(graph: dict[str, list[str]], source: str, target: str) -> list[str] | None:
    """Return a shortest path from source to target as a list of nodes, or None if unreachable."""
    if source == target:
        return [source]
    parent: dict[str, str | None] = {source: None}  # doubles as the visited set
    queue = deque([source])
    while queue:
        node = queue.popleft()
        for nxt in graph.get(node, []):
            if nxt in parent:
                continue
            parent[nxt] = node  # mark when enqueued, not when dequeued, or nodes enter the queue twice
            if nxt == target:
                path = [nxt]
                while parent[path[-1]] is not None:
                    path.append(parent[path[-1]])
                return path[::-1]
            queue.append(nxt)
    return None


def distances(graph: dict[str, list[str]], source: str) -> dict[str, int]:
    """Hop count from source to every reachable node (the BFS layers)."""
    dist = {source: 0}
    queue = deque([source])
    while queue:
        node = queue.popleft()
        for nxt in graph.get(node, []):
            if nxt not in dist:
                dist[nxt] = dist[node] + 1
                queue.append(nxt)
    return dist


if __name__ == "__main__":
    calls = {
        "edge": ["gateway"],
        "gateway": ["orders", "users"],
        "orders": ["inventory", "payments"],
        "users": ["postgres"],
        "payments": ["postgres"],
        "inventory": [],
    }
    assert shortest_path(calls, "edge", "postgres") == ["edge", "gateway", "users", "postgres"]
    assert distances(calls, "edge") == {
        "edge": 0,
        "gateway": 1,
        "orders": 2,
        "users": 2,
        "inventory": 3,
        "payments": 3,
        "postgres": 3,
    }
    assert shortest_path(calls, "postgres", "edge") is None  # edges are directed
    assert shortest_path(calls, "edge", "edge") == ["edge"]
    assert shortest_path({}, "a", "b") is None

    # cycles do not loop forever: each node is enqueued at most once
    ring = {"a": ["b"], "b": ["c"], "c": ["a", "d"], "d": []}
    assert shortest_path(ring, "a", "d") == ["a", "b", "c", "d"]

    # randomized, against Floyd-Warshall with every edge of length 1: random directed graphs of up to 8 nodes
    import random
    from itertools import pairwise

    rng = random.Random(3)
    for _ in range(400):
        nodes = [chr(ord("a") + i) for i in range(rng.randint(1, 8))]
        graph = {u: [v for v in nodes if rng.random() < 0.25] for u in nodes}
        inf = float("inf")
        fw = {u: {v: 0 if u == v else (1 if v in graph[u] else inf) for v in nodes} for u in nodes}
        for k in nodes:
            for i in nodes:
                for j in nodes:
                    fw[i][j] = min(fw[i][j], fw[i][k] + fw[k][j])
        for source in nodes:
            assert distances(graph, source) == {v: d for v, d in fw[source].items() if d < inf}
            for target in nodes:
                path = shortest_path(graph, source, target)
                if fw[source][target] == inf:
                    assert path is None
                else:  # a real path (every hop is an edge) with the fewest hops
                    assert path[0] == source and path[-1] == target and len(path) - 1 == fw[source][target]
                    assert all(v in graph[u] for u, v in pairwise(path))
    print("path:", " -> ".join(shortest_path(calls, "edge", "postgres")))
