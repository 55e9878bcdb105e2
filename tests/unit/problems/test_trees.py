"""Tree problems: the page's examples, edge cases, and each solution against a brute force on seeded inputs."""

from __future__ import annotations

import itertools
import random

import pytest

from tests.support.problem_solutions import each_seed, solution

bst = solution("valid_search_tree")
lca = solution("org_chart_lca")
calendar = solution("interval_calendar")
router = solution("route_prefix")
diameter = solution("longest_latency_path")
codec = solution("tree_codec")


def random_tree(rng: random.Random, node, size: int, keys=range(0, 20)):
    """A random shape of `size` nodes with random keys (duplicates possible)."""
    if size == 0:
        return None
    left = rng.randint(0, size - 1)
    return node(rng.choice(keys), random_tree(rng, node, left, keys), random_tree(rng, node, size - 1 - left, keys))


def inorder(root) -> list[int]:
    out, stack, node = [], [], root
    while stack or node:
        while node:
            stack.append(node)
            node = node.left
        node = stack.pop()
        out.append(node.key)
        node = node.right
    return out


# valid search tree ---------------------------------------------------------------------------------------------
def test_search_tree_examples():
    node = bst.Node
    assert bst.is_search_tree(node(8, node(3, node(1), node(6)), node(10, None, node(14))))
    assert not bst.is_search_tree(node(8, node(3, None, node(9)), node(10)))  # 9 is right of 3 but left of 8


def test_search_tree_edge_cases():
    node = bst.Node
    assert bst.is_search_tree(None) and bst.is_search_tree(node(1))
    assert not bst.is_search_tree(node(5, node(5)))  # keys are unique
    chain = None
    for key in range(20_000):
        chain = node(key, chain)
    assert bst.is_search_tree(chain)


@each_seed
def test_search_tree_matches_inorder(seed):
    rng = random.Random(seed)
    root = random_tree(rng, bst.Node, rng.randint(0, 7), keys=range(6))
    keys = inorder(root)
    assert bst.is_search_tree(root) == all(a < b for a, b in itertools.pairwise(keys))


# lowest common manager -----------------------------------------------------------------------------------------
ORG = {"ceo": None, "cto": "ceo", "cfo": "ceo", "eng1": "cto", "eng2": "cto", "sre": "eng2", "acct": "cfo"}


def test_lca_examples():
    assert lca.lowest_common_manager(ORG, "sre", "eng1") == "cto"
    assert lca.lowest_common_manager(ORG, "sre", "acct") == "ceo"
    assert lca.lowest_common_manager(ORG, "eng2", "sre") == "eng2"


def test_lca_edge_cases():
    assert lca.lowest_common_manager(ORG, "ceo", "ceo") == "ceo"
    chain = {"p0": None} | {f"p{i}": f"p{i - 1}" for i in range(1, 20_000)}
    assert lca.lowest_common_manager(chain, "p19999", "p3") == "p3"


@each_seed
def test_lca_matches_ancestor_sets(seed):
    rng = random.Random(seed)
    people = [f"e{i}" for i in range(rng.randint(1, 12))]
    manager = {people[0]: None} | {p: rng.choice(people[:i]) for i, p in enumerate(people) if i}
    a, b = rng.choice(people), rng.choice(people)

    def chain(p):
        out = [p]
        while manager[out[-1]] is not None:
            out.append(manager[out[-1]])
        return out

    common = set(chain(a)) & set(chain(b))
    assert lca.lowest_common_manager(manager, a, b) == max(common, key=lambda p: len(chain(p)))


# interval calendar ---------------------------------------------------------------------------------------------
def test_calendar_examples():
    cal = calendar.Calendar()
    assert [cal.book(*slot) for slot in [(10, 20), (15, 25), (20, 30), (5, 10), (0, 6)]] == [
        True,
        False,
        True,
        True,
        False,
    ]


def test_calendar_edge_cases():
    cal = calendar.Calendar()
    with pytest.raises(ValueError):
        cal.book(5, 5)
    assert cal.book(0, 1) and cal.book(2, 3) and not cal.book(0, 3) and cal.book(1, 2)


@each_seed
def test_calendar_matches_pairwise_check(seed):
    rng = random.Random(seed)
    cal, booked = calendar.Calendar(), []
    for _ in range(30):
        start = rng.randint(0, 50)
        end = start + rng.randint(1, 8)
        free = all(end <= s or e <= start for s, e in booked)
        assert cal.book(start, end) == free
        if free:
            booked.append((start, end))


# route prefix --------------------------------------------------------------------------------------------------
def test_router_examples():
    r = router.Router()
    for route in ["/api", "/api/users", "/api/users/admin", "/static"]:
        r.add(route)
    assert r.match("/api/users/42") == "/api/users"
    assert r.match("/api/usersX") == "/api"  # whole segments only
    assert r.match("/health") is None


def test_router_edge_cases():
    r = router.Router()
    assert r.match("/") is None
    r.add("/")
    assert r.match("/anything/at/all") == "/" and r.match("") == "/"


@each_seed
def test_router_matches_scan(seed):
    rng = random.Random(seed)
    words = ["a", "b", "c"]
    paths = ["/" + "/".join(rng.choice(words) for _ in range(rng.randint(0, 4))) for _ in range(12)]
    routes = rng.sample(paths, 5)
    r = router.Router()
    for route in routes:
        r.add(route)
    for path in paths:
        parts = path.strip("/").split("/") if path.strip("/") else []
        fits = [q for q in routes if (qp := [s for s in q.split("/") if s]) == parts[: len(qp)]]
        # routes with equal segments: the last one added wins, as in the trie
        depth = max((len([s for s in q.split("/") if s]) for q in fits), default=None)
        expected = None if depth is None else [q for q in fits if len([s for s in q.split("/") if s]) == depth][-1]
        assert r.match(path) == expected


# longest latency path ------------------------------------------------------------------------------------------
def test_longest_path_examples():
    links = [(0, 1, 5), (1, 2, 3), (1, 3, 8), (3, 4, 2)]
    assert diameter.longest_path(5, links) == 15  # 0 -> 1 -> 3 -> 4 is 5 + 8 + 2


def test_longest_path_edge_cases():
    assert diameter.longest_path(1, []) == 0
    assert diameter.longest_path(2, [(0, 1, 0)]) == 0
    n = 20_000
    assert diameter.longest_path(n, [(i, i + 1, 1) for i in range(n - 1)]) == n - 1


@each_seed
def test_longest_path_matches_all_pairs(seed):
    rng = random.Random(seed)
    n = rng.randint(1, 9)
    links = [(i, rng.randrange(i), rng.randint(0, 9)) for i in range(1, n)]
    far = 0
    for start in range(n):
        dist = {start: 0}
        for _ in range(n):
            for a, b, ms in links:
                for x, y in ((a, b), (b, a)):
                    if x in dist and y not in dist:
                        dist[y] = dist[x] + ms
        far = max(far, *dist.values())
    assert diameter.longest_path(n, links) == far


# tree codec ----------------------------------------------------------------------------------------------------
def test_codec_examples():
    node = codec.Node
    tree = node(1, node(2), node(3, node(4), node(5)))
    assert codec.serialise(tree) == "1,2,#,#,3,4,#,#,5,#,#"
    assert codec.deserialise("1,2,#,#,3,4,#,#,5,#,#") == tree


def test_codec_edge_cases():
    assert codec.serialise(None) == "#" and codec.deserialise("#") is None
    assert codec.deserialise("-7,#,#") == codec.Node(-7)
    for bad in ["1,#", "1,#,#,#", "#,#", "x"]:
        with pytest.raises(ValueError):
            codec.deserialise(bad)
    deep = None
    for key in range(20_000):
        deep = codec.Node(key, None, deep)
    text = codec.serialise(deep)
    assert codec.serialise(codec.deserialise(text)) == text


@each_seed
def test_codec_round_trips_and_tells_trees_apart(seed):
    rng = random.Random(seed)
    a = random_tree(rng, codec.Node, rng.randint(0, 10), keys=range(-3, 4))
    b = random_tree(rng, codec.Node, rng.randint(0, 10), keys=range(-3, 4))
    assert codec.deserialise(codec.serialise(a)) == a
    assert (codec.serialise(a) == codec.serialise(b)) == (a == b)
