"""Find a dependency cycle and report it as a path, with a three-colour depth-first search.

Kahn's algorithm tells you *that* there is a cycle; an engineer fixing the config wants to see it:
"billing -> ledger -> accounts -> billing". Time O(V + E), space O(V) for the colours and the stack.
The DFS is iterative, so a 100,000-step chain does not hit Python's recursion limit (about 1,000).
"""

WHITE, GREY, BLACK = 0, 1, 2  # unvisited, on the current path, finished


def find_cycle(graph: dict[str, list[str]]) -> list[str] | None:
    """Return one cycle as [n0, n1, ..., n0] following the edges, or None if the graph is acyclic."""
    colour: dict[str, int] = {}
    for start in sorted(graph):
        if colour.get(start, WHITE) != WHITE:
            continue
        path = [start]  # the grey nodes, in order
        iters = [iter(graph.get(start, []))]
        colour[start] = GREY
        while iters:
            nxt = next(iters[-1], None)
            if nxt is None:  # every edge of path[-1] explored
                colour[path.pop()] = BLACK
                iters.pop()
                continue
            state = colour.get(nxt, WHITE)
            if state == GREY:  # back edge: nxt is on the current path, so we closed a loop
                return path[path.index(nxt) :] + [nxt]
            if state == WHITE:
                colour[nxt] = GREY
                path.append(nxt)
                iters.append(iter(graph.get(nxt, [])))
    return None


if __name__ == "__main__":
    services = {
        "api": ["billing", "auth"],
        "billing": ["ledger"],
        "ledger": ["accounts"],
        "accounts": ["billing"],
        "auth": [],
    }
    # starts are tried in sorted order, so the search enters the loop at "accounts"
    assert find_cycle(services) == ["accounts", "billing", "ledger", "accounts"]

    # a diamond is not a cycle: the BLACK colour stops a node reached twice from being reported
    assert find_cycle({"a": ["b", "c"], "b": ["d"], "c": ["d"], "d": []}) is None
    assert find_cycle({}) is None
    assert find_cycle({"a": ["a"]}) == ["a", "a"]

    # a long chain does not overflow the stack
    chain = {f"n{i}": [f"n{i + 1}"] for i in range(100_000)}
    assert find_cycle(chain) is None
    chain["n100000"] = ["n0"]
    cycle = find_cycle(chain)
    assert cycle is not None and cycle[0] == cycle[-1] == "n0" and len(cycle) == 100_002
    print("cycle:", " -> ".join(find_cycle(services)))
