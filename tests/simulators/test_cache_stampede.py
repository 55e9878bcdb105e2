"""The cache-stampede simulator runs examples/python/cache_stampede.py's rules: with the same jittered TTLs drawn
from the seed, every second's requests, fresh hits, stale hits, waits and origin queries are the same in Node
and in Python, and so are the numbers the page shows."""

from __future__ import annotations

import pytest

from tests.simulators.logic import python_reference, simulate_in_node
from tests.simulators.seeded import integer, mulberry32

BASE = {"protection": "none", "rps": 2000, "keys": 20, "ttl": 10, "load": 200, "seed": 7}
SCENARIOS = [
    BASE,
    {**BASE, "protection": "coalesce"},
    {**BASE, "protection": "jitter"},
    {**BASE, "protection": "swr"},
    {**BASE, "keys": 1},  # the page's example: one key, 2,000 reads a second, 200 ms reloads
    {**BASE, "protection": "jitter", "seed": 9999, "ttl": 2, "load": 1000},  # reload longer than a jittered TTL
    {
        **BASE,
        "protection": "coalesce",
        "rps": 100,
        "keys": 50,
        "ttl": 30,
        "load": 1000,
    },  # fewer requests than keys/tick
    {**BASE, "protection": "swr", "rps": 5000, "keys": 3, "ttl": 2, "load": 100},
]
SECONDS = 60


@pytest.fixture(scope="module")
def reference():
    return python_reference("cache_stampede")


@pytest.fixture(scope="module")
def simulated():
    return simulate_in_node("cache-stampede", SCENARIOS, cursor=SECONDS)


def python_seconds(reference, params: dict) -> list[dict]:
    draw = mulberry32(params["seed"])
    cache = reference.Cache(
        params["keys"], params["ttl"], params["load"], params["protection"], lambda low, high: integer(draw, low, high)
    )
    seconds = []
    for _ in range(SECONDS):
        before = dict(cache.counts)
        for _ in range(reference.TICKS_PER_SECOND):
            cache.tick(params["rps"] // reference.TICKS_PER_SECOND)
        seconds.append({k: cache.counts[k] - before[k] for k in cache.counts})
    return seconds


def percent(part: int, whole: int) -> str:
    per_mille = part * 1000 // whole
    return f"{per_mille // 10}.{per_mille % 10}%"


@pytest.mark.parametrize("index", range(len(SCENARIOS)), ids=[str(i) for i in range(len(SCENARIOS))])
def test_every_second_matches_the_python_cache(reference, simulated, index):
    params, result = SCENARIOS[index], simulated[index]
    expected = python_seconds(reference, params)
    assert result["steps"] == SECONDS
    assert result["seconds"] == expected
    total = {k: sum(s[k] for s in expected) for k in expected[0]}
    assert result["summary"] == {
        "seconds": SECONDS,
        "origin-queries": total["origin"],
        "origin-peak": max(s["origin"] for s in expected),
        "hit-ratio": percent(total["hits"] + total["stale"], total["requests"]),
        "waited": total["waited"],
    }


def test_the_stampede_and_what_each_protection_does_to_it(simulated):
    none, coalesce, jitter, swr, hot = (r["summary"] for r in simulated[:5])
    assert none["origin-peak"] == 400 and hot["origin-peak"] == 400  # 2,000/s x 0.2 s, whatever the key count
    assert coalesce["origin-peak"] == 20 and swr["origin-peak"] == 20  # one load per key
    assert jitter["origin-peak"] < none["origin-peak"]
    assert swr["hit-ratio"] == "100.0%" and swr["waited"] == 0
    assert coalesce["origin-queries"] < none["origin-queries"]
