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
    print("path:", " -> ".join(shortest_path(calls, "edge", "postgres")))
