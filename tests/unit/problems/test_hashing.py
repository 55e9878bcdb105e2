"""Hashing problems: the page's examples, edge cases, and each solution against a brute force on seeded inputs."""

from __future__ import annotations

import random
from collections import Counter

import pytest

from tests.support.problem_solutions import each_seed, solution

repeat = solution("repeated_request_id")
lru = solution("lru_cache")
kv = solution("versioned_kv")
pool = solution("random_backend_pool")
run = solution("longest_id_run")
periods = solution("net_change_periods")


# repeated request id -------------------------------------------------------------------------------------------
def test_repeat_examples():
    assert repeat.first_repeat_within(["r1", "r2", "r3", "r1", "r2"], 3) == 3
    assert repeat.first_repeat_within(["r1", "r2", "r3", "r1"], 2) is None


def test_repeat_edge_cases():
    assert repeat.first_repeat_within([], 5) is None
    assert repeat.first_repeat_within(["a", "a"], 0) is None
    assert repeat.first_repeat_within(["a", "a"], 1) == 1


@each_seed
def test_repeat_matches_pairwise_scan(seed):
    rng = random.Random(seed)
    ids = [rng.choice("abcdef") for _ in range(rng.randint(0, 15))]
    k = rng.randint(0, 6)
    expected = next((j for j in range(len(ids)) if ids[j] in ids[max(0, j - k) : j]), None)
    assert repeat.first_repeat_within(ids, k) == expected


# LRU cache -----------------------------------------------------------------------------------------------------
def test_lru_examples():
    cache = lru.LRUCache(2)
    cache.put("a", 1)
    cache.put("b", 2)
    assert cache.get("a") == 1  # a is now the most recent
    cache.put("c", 3)  # evicts b
    assert cache.get("b") is None and cache.get("a") == 1 and cache.get("c") == 3


def test_lru_edge_cases():
    with pytest.raises(ValueError):
        lru.LRUCache(0)
    one = lru.LRUCache(1)
    one.put("a", 1)
    one.put("a", 2)  # an update is not an insert: nothing is evicted
    assert one.get("a") == 2
    one.put("b", 3)
    assert one.get("a") is None and one.get("b") == 3


@each_seed
def test_lru_matches_a_list_model(seed):
    rng = random.Random(seed)
    capacity = rng.randint(1, 4)
    cache, model = lru.LRUCache(capacity), []  # model: (key, value), least recent first
    for step in range(40):
        key = rng.choice("abcdef")
        found = next((pair for pair in model if pair[0] == key), None)
        if rng.random() < 0.5:
            assert cache.get(key) == (found[1] if found else None)
            if found:
                model.remove(found)
                model.append(found)
        else:
            cache.put(key, step)
            if found:
                model.remove(found)
            elif len(model) == capacity:
                model.pop(0)
            model.append((key, step))


# versioned key-value store -------------------------------------------------------------------------------------
def test_versioned_examples():
    store = kv.VersionedStore()
    store.set("flag", "off", 10)
    store.set("flag", "on", 20)
    assert [store.get("flag", t) for t in (5, 10, 15, 20, 99)] == [None, "off", "off", "on", "on"]


def test_versioned_edge_cases():
    store = kv.VersionedStore()
    assert store.get("missing", 0) is None
    store.set("k", "v", 3)
    with pytest.raises(ValueError):
        store.set("k", "w", 3)


@each_seed
def test_versioned_matches_scan(seed):
    rng = random.Random(seed)
    store, writes, clock = kv.VersionedStore(), [], 0
    for _ in range(30):
        clock += rng.randint(1, 3)
        key = rng.choice("xyz")
        if rng.random() < 0.5:
            store.set(key, f"v{clock}", clock)
            writes.append((key, clock, f"v{clock}"))
        else:
            at = rng.randint(0, clock)
            earlier = [value for k, t, value in writes if k == key and t <= at]
            assert store.get(key, at) == (earlier[-1] if earlier else None)


# random backend pool -------------------------------------------------------------------------------------------
def test_pool_examples():
    backends = pool.BackendPool()
    assert backends.add("b1") and backends.add("b2") and not backends.add("b1")
    assert backends.remove("b1") and not backends.remove("b1")
    assert backends.pick(random.Random(0)) == "b2"


def test_pool_edge_cases():
    backends = pool.BackendPool()
    with pytest.raises(IndexError):
        backends.pick(random.Random(0))
    backends.add("only")
    assert backends.remove("only") and not backends.remove("only")


def test_pool_picks_uniformly():
    backends = pool.BackendPool()
    for name in "abcdefg":
        backends.add(name)
    for name in "bdf":
        backends.remove(name)
    rng = random.Random(7)
    counts = Counter(backends.pick(rng) for _ in range(4000))
    assert set(counts) == set("aceg")
    assert all(850 <= count <= 1150 for count in counts.values()), counts  # 1,000 expected each


@each_seed
def test_pool_matches_a_set(seed):
    rng = random.Random(seed)
    backends, model = pool.BackendPool(), set()
    for _ in range(40):
        name = rng.choice("abcdef")
        if rng.random() < 0.5:
            assert backends.add(name) == (name not in model)
            model.add(name)
        else:
            assert backends.remove(name) == (name in model)
            model.discard(name)
        if model:
            assert backends.pick(rng) in model


# longest id run ------------------------------------------------------------------------------------------------
def test_run_examples():
    assert run.longest_run([104, 4, 101, 103, 1, 102, 2]) == 4  # 101..104
    assert run.longest_run([7, 7, 8]) == 2


def test_run_edge_cases():
    assert run.longest_run([]) == 0 and run.longest_run([5]) == 1
    assert run.longest_run(list(range(50_000, 0, -1))) == 50_000


@each_seed
def test_run_matches_sorting(seed):
    rng = random.Random(seed)
    ids = sorted({rng.randint(-10, 10) for _ in range(rng.randint(0, 15))})
    best, length = 0, 0
    for i, value in enumerate(ids):
        length = length + 1 if i and ids[i - 1] == value - 1 else 1
        best = max(best, length)
    shuffled = ids * 2
    rng.shuffle(shuffled)
    assert run.longest_run(shuffled) == best


# net change periods --------------------------------------------------------------------------------------------
def test_periods_examples():
    assert periods.periods_with_change([3, -1, 1, 2, -2], 3) == 4
    assert periods.periods_with_change([1, 1, 1], 2) == 2


def test_periods_edge_cases():
    assert periods.periods_with_change([], 0) == 0
    assert periods.periods_with_change([0, 0, 0], 0) == 6


@each_seed
def test_periods_match_all_pairs(seed):
    rng = random.Random(seed)
    changes = [rng.randint(-3, 3) for _ in range(rng.randint(0, 15))]
    k = rng.randint(-4, 4)
    expected = sum(sum(changes[i:j]) == k for i in range(len(changes)) for j in range(i + 1, len(changes) + 1))
    assert periods.periods_with_change(changes, k) == expected
