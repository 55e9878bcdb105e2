"""Build order with a cycle report: Kahn's algorithm, smallest ready name first, then one cycle if stuck.

Time O((V + E) log V): each package enters and leaves the heap once, each edge is relaxed once.
Space O(V + E) for the reverse edges, the counters and the heap.
"""

from __future__ import annotations

import heapq


class CycleError(ValueError):
    """No order exists; `cycle` is [p0, p1, ..., p0] where each package needs the next one."""

    def __init__(self, cycle: list[str]):
        self.cycle = cycle
        super().__init__("dependency cycle: " + " -> ".join(cycle))


def build_order(needs: dict[str, list[str]]) -> list[str]:
    """`needs[p]` lists the packages p needs installed first; return the alphabetically smallest valid order."""
    packages = set(needs) | {dep for deps in needs.values() for dep in deps}
    waiting = dict.fromkeys(packages, 0)  # unmet dependencies of each package
    unlocks: dict[str, list[str]] = {p: [] for p in packages}  # reverse edges: who waits for p
    for package, deps in needs.items():
        for dep in set(deps):  # a dependency listed twice is still one edge
            waiting[package] += 1
            unlocks[dep].append(package)
    ready = [p for p in packages if waiting[p] == 0]
    heapq.heapify(ready)
    order = []
    while ready:
        package = heapq.heappop(ready)
        order.append(package)
        for waiter in unlocks[package]:
            waiting[waiter] -= 1
            if waiting[waiter] == 0:
                heapq.heappush(ready, waiter)
    if len(order) < len(packages):
        raise CycleError(_one_cycle({p for p in packages if waiting[p]}, needs))
    return order


def _one_cycle(stuck: set[str], needs: dict[str, list[str]]) -> list[str]:
    """Every stuck package needs another stuck one, so walking needs-edges inside `stuck` must revisit a node."""
    node, position, path = min(stuck), {}, []
    while node not in position:
        position[node] = len(path)
        path.append(node)
        node = min(dep for dep in needs[node] if dep in stuck)
    return path[position[node] :] + [node]
