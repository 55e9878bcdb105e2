"""Resolve the order to run migrations (or build targets) from their dependencies: Kahn's algorithm.

Time O(V + E) with a plain FIFO queue; this version keeps the ready steps in a heap so the order is
deterministic, which costs O(V log V + E). Space O(V + E). A cycle raises CycleError naming the steps
that can never run.
"""

import heapq


class CycleError(ValueError):
    """The dependencies contain a cycle, so no valid order exists."""

    def __init__(self, stuck: list[str]) -> None:
        super().__init__(f"dependency cycle among: {', '.join(stuck)}")
        self.stuck = stuck


def run_order(depends_on: dict[str, list[str]]) -> list[str]:
    """Return the steps so that every step comes after everything it depends on.

    `depends_on["b"] = ["a"]` means a must run before b. Steps named only as a dependency are included.
    Among steps that are ready at the same time, the alphabetically smallest goes first, so the order
    is deterministic (same input, same plan), which matters for reproducible builds and deploys.
    """
    nodes = set(depends_on)
    for deps in depends_on.values():
        nodes.update(deps)
    indegree = dict.fromkeys(nodes, 0)
    dependents: dict[str, list[str]] = {n: [] for n in nodes}
    for step, deps in depends_on.items():
        for dep in set(deps):  # a duplicated edge must not count twice
            if dep == step:
                raise CycleError([step])
            dependents[dep].append(step)
            indegree[step] += 1

    ready = [n for n in nodes if indegree[n] == 0]
    heapq.heapify(ready)
    order: list[str] = []
    while ready:
        step = heapq.heappop(ready)
        order.append(step)
        for nxt in dependents[step]:
            indegree[nxt] -= 1
            if indegree[nxt] == 0:
                heapq.heappush(ready, nxt)

    if len(order) != len(nodes):
        raise CycleError(sorted(n for n in nodes if indegree[n] > 0))
    return order


def waves(depends_on: dict[str, list[str]]) -> list[list[str]]:
    """Group steps into waves that can run in parallel: wave k holds steps whose longest chain of deps is k."""
    order = run_order(depends_on)  # raises on a cycle
    level: dict[str, int] = {}
    for step in order:
        level[step] = 1 + max((level[d] for d in depends_on.get(step, [])), default=-1)
    result: list[list[str]] = [[] for _ in range(max(level.values(), default=-1) + 1)]
    for step in order:
        result[level[step]].append(step)
    return result


if __name__ == "__main__":
    migrations = {
        "001_users": [],
        "002_orders": ["001_users"],
        "003_payments": ["002_orders"],
        "004_user_email_index": ["001_users"],
        "005_refunds": ["003_payments", "004_user_email_index"],
    }
    order = run_order(migrations)
    assert order == ["001_users", "002_orders", "003_payments", "004_user_email_index", "005_refunds"]
    for step, deps in migrations.items():
        assert all(order.index(d) < order.index(step) for d in deps)
    assert waves(migrations) == [
        ["001_users"],
        ["002_orders", "004_user_email_index"],
        ["003_payments"],
        ["005_refunds"],
    ]

    # edge cases: empty plan, a step known only as a dependency, duplicate edges
    assert run_order({}) == []
    assert waves({}) == []
    assert run_order({"app": ["lib", "lib"]}) == ["lib", "app"]

    # a cycle raises a clear error naming the steps stuck in (or behind) it
    try:
        run_order({"a": ["c"], "b": ["a"], "c": ["b"], "d": ["c"], "e": []})
    except CycleError as err:
        assert err.stuck == ["a", "b", "c", "d"]
        assert "dependency cycle among: a, b, c, d" in str(err)
    else:
        raise AssertionError("a cycle must raise")
    try:
        run_order({"a": ["a"]})
    except CycleError as err:
        assert err.stuck == ["a"]
    else:
        raise AssertionError("a self-dependency must raise")
    print("run order:", " -> ".join(order))
