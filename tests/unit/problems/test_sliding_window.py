"""Sliding-window problems: the page's examples, edge cases, and each solution against a brute force on seeded
inputs."""

from __future__ import annotations

import random

from tests.support.problem_solutions import each_seed, solution

limiter = solution("sliding_log_limiter")
busy = solution("busiest_window")
stretch = solution("k_distinct_stretch")
batch = solution("smallest_batch")
cover = solution("covering_window")


# sliding-log limiter -------------------------------------------------------------------------------------------
def test_limiter_examples():
    assert limiter.admit([0, 1, 2, 3, 10, 11.5], 3, 10) == [True, True, True, False, True, True]
    assert limiter.admit([0, 0, 0], 2, 1) == [True, True, False]


def test_limiter_edge_cases():
    assert limiter.admit([], 3, 10) == []
    assert limiter.admit([1, 2], 0, 10) == [False, False]
    assert limiter.admit([0, 5, 5], 1, 5) == [True, True, False]  # the window is (t - 5, t]: 0 has left at t = 5


@each_seed
def test_limiter_matches_recount(seed):
    rng = random.Random(seed)
    times = sorted(rng.randint(0, 30) for _ in range(rng.randint(0, 20)))
    limit, window = rng.randint(0, 4), rng.randint(1, 8)
    accepted, expected = [], []
    for t in times:
        ok = sum(t - window < a <= t for a in accepted) < limit
        expected.append(ok)
        if ok:
            accepted.append(t)
    assert limiter.admit(times, limit, window) == expected


# busiest window ------------------------------------------------------------------------------------------------
def test_busiest_examples():
    assert busy.busiest([1, 2, 3, 10, 11, 12, 13], 5) == 4  # 10..13
    assert busy.busiest([0, 5, 10], 5) == 1  # [0, 5) does not include 5


def test_busiest_edge_cases():
    assert busy.busiest([], 60) == 0
    assert busy.busiest([7, 7, 7], 1) == 3


@each_seed
def test_busiest_matches_every_start(seed):
    rng = random.Random(seed)
    times = sorted(rng.randint(0, 40) for _ in range(rng.randint(0, 20)))
    w = rng.randint(1, 10)
    expected = max((sum(s <= t < s + w for t in times) for s in range(-1, 42)), default=0)
    assert busy.busiest(times, w) == expected


# k distinct stretch --------------------------------------------------------------------------------------------
def test_stretch_examples():
    assert stretch.longest_stretch(["/a", "/b", "/a", "/c", "/c", "/c", "/b"], 2) == 4  # /a /c /c /c
    assert stretch.longest_stretch(["/a", "/b", "/c"], 1) == 1


def test_stretch_edge_cases():
    assert stretch.longest_stretch([], 3) == 0
    assert stretch.longest_stretch(["/a", "/a"], 0) == 0
    assert stretch.longest_stretch(["/a", "/b"], 5) == 2


@each_seed
def test_stretch_matches_all_windows(seed):
    rng = random.Random(seed)
    endpoints = [rng.choice("abcd") for _ in range(rng.randint(0, 15))]
    k = rng.randint(0, 4)
    n = len(endpoints)
    expected = max((j - i for i in range(n) for j in range(i, n + 1) if len(set(endpoints[i:j])) <= k), default=0)
    assert stretch.longest_stretch(endpoints, k) == expected


# smallest batch ------------------------------------------------------------------------------------------------
def test_batch_examples():
    assert batch.shortest_batch([2, 3, 1, 2, 4, 3], 7) == 2  # 4 + 3
    assert batch.shortest_batch([1, 1, 1], 10) == 0


def test_batch_edge_cases():
    assert batch.shortest_batch([], 1) == 0
    assert batch.shortest_batch([5], 5) == 1


@each_seed
def test_batch_matches_all_windows(seed):
    rng = random.Random(seed)
    sizes = [rng.randint(1, 9) for _ in range(rng.randint(0, 15))]
    target = rng.randint(1, 40)
    n = len(sizes)
    fits = [j - i for i in range(n) for j in range(i + 1, n + 1) if sum(sizes[i:j]) >= target]
    assert batch.shortest_batch(sizes, target) == min(fits, default=0)


# covering window -----------------------------------------------------------------------------------------------
def test_cover_examples():
    events = ["login", "view", "cart", "view", "login", "pay", "cart"]
    assert cover.covering_window(events, {"login", "cart", "pay"}) == (4, 7)
    assert cover.covering_window(events, {"refund"}) is None


def test_cover_edge_cases():
    assert cover.covering_window([], set()) == (0, 0)
    assert cover.covering_window([], {"a"}) is None
    assert cover.covering_window(["a", "b", "a", "b"], {"a", "b"}) == (0, 2)  # leftmost of the shortest


@each_seed
def test_cover_matches_all_windows(seed):
    rng = random.Random(seed)
    events = [rng.choice("abcd") for _ in range(rng.randint(0, 15))]
    required = set(rng.sample("abcde", rng.randint(1, 3)))
    n = len(events)
    windows = [(j - i, i, j) for i in range(n) for j in range(i + 1, n + 1) if required <= set(events[i:j])]
    expected = min(windows, default=None)
    assert cover.covering_window(events, required) == (None if expected is None else expected[1:])
