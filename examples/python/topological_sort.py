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

    # randomized, against brute force: on random graphs of up to 6 steps (self-loops, duplicate edges and
    # cycles included) try every permutation; run_order must raise exactly when no permutation respects every
    # edge, and otherwise return the alphabetically smallest one that does
    import itertools
    import random

    rng = random.Random(20)
    for _ in range(300):
        names = [f"s{i}" for i in range(rng.randint(1, 6))]
        graph = {s: [rng.choice(names) for _ in range(rng.randint(0, 3))] for s in names if rng.random() < 0.8}
        edges = [(d, s) for s, deps in graph.items() for d in deps]
        steps = sorted(set(graph) | {d for d, _ in edges})
        valid = [
            list(p)
            for p in itertools.permutations(steps)
            if all(p.index(d) < p.index(s) for d, s in edges)  # a self-loop d == s never passes
        ]
        try:
            got = run_order(graph)
        except CycleError:
            assert valid == [], graph
            continue
        assert valid and got == min(valid), graph
        level = {s: i for i, wave in enumerate(waves(graph)) for s in wave}
        assert all(level[d] < level[s] for d, s in edges)  # each wave only depends on earlier waves
        assert all(level[s] == 0 or any(level[d] == level[s] - 1 for d in graph[s]) for s in steps)

    # random DAGs of up to 30 steps (too many to enumerate): every edge is respected; one back edge raises
    for _ in range(200):
        hidden = [f"n{i:02}" for i in range(rng.randint(2, 30))]
        rng.shuffle(hidden)  # a secret valid order; edges only point forward in it
        dag = {s: [d for d in hidden[:i] if rng.random() < 0.2] for i, s in enumerate(hidden)}
        pos = {s: i for i, s in enumerate(run_order(dag))}
        assert len(pos) == len(hidden) and all(pos[d] < pos[s] for s in dag for d in dag[s])
        i, j = sorted(rng.sample(range(len(hidden)), 2))
        dag[hidden[j]].append(hidden[i])
        dag[hidden[i]].append(hidden[j])  # now hidden[i] and hidden[j] depend on each other
        try:
            run_order(dag)
        except CycleError as err:
            assert {hidden[i], hidden[j]} <= set(err.stuck)
        else:
            raise AssertionError("a random graph with a cycle must raise")
    print("run order:", " -> ".join(order))
