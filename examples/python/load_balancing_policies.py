"""Round robin, random, least connections and power of two choices, on the same seeded traffic.

Two experiments:
1. Balls into bins: n requests to n servers, each placed once and never finished. Picking one server at random
   leaves the busiest with about ln n / ln ln n; picking the less loaded of two random servers cuts that to about
   ln ln n / ln 2 (Azar, Broder, Karlin and Upfal; Mitzenmacher).
2. A queueing simulation: ten servers, one of them three times slower than the rest (a noisy neighbour, a bad
   disk). Requests arrive at random; each server works first come, first served. Round robin and random ignore
   load and keep feeding the slow server its equal share; policies that count in-flight requests route around it.
"""

from __future__ import annotations

import heapq
import itertools
import random
from collections import deque
from collections.abc import Callable


def max_load_balls_into_bins(n: int, choices: int, seed: int) -> int:
    """Place n balls into n bins, each into the least loaded of `choices` bins picked at random."""
    rng = random.Random(seed)
    load = [0] * n
    for _ in range(n):
        candidates = [rng.randrange(n) for _ in range(choices)]
        best = min(candidates, key=load.__getitem__)
        load[best] += 1
    return max(load)


Picker = Callable[[list[int], random.Random], int]


def round_robin() -> Picker:
    counter = itertools.count()
    return lambda in_flight, rng: next(counter) % len(in_flight)


def pick_random(in_flight: list[int], rng: random.Random) -> int:
    return rng.randrange(len(in_flight))


def least_connections(in_flight: list[int], rng: random.Random) -> int:
    fewest = min(in_flight)
    return rng.choice([i for i, n in enumerate(in_flight) if n == fewest])  # random tie-break


def power_of_two(in_flight: list[int], rng: random.Random) -> int:
    a, b = rng.sample(range(len(in_flight)), 2)
    return a if in_flight[a] <= in_flight[b] else b


def simulate(pick: Picker, speeds: list[float], load: float, requests: int, seed: int) -> list[float]:
    """Response times (seconds) of `requests` Poisson arrivals at `load` x total capacity."""
    rng = random.Random(seed)
    arrival_rate = load * sum(speeds)
    busy_until = [0.0] * len(speeds)  # when each server's FIFO queue drains
    finishing: list[deque[float]] = [deque() for _ in speeds]  # finish times of requests still in flight
    now, times = 0.0, []
    for _ in range(requests):
        now += rng.expovariate(arrival_rate)
        for queue in finishing:  # forget requests that completed before this arrival
            while queue and queue[0] <= now:
                queue.popleft()
        server = pick([len(q) for q in finishing], rng)
        start = max(now, busy_until[server])
        busy_until[server] = start + rng.expovariate(speeds[server])
        finishing[server].append(busy_until[server])
        times.append(busy_until[server] - now)
    return times


def p99(values: list[float]) -> float:
    return heapq.nlargest(len(values) // 100, values)[-1]


if __name__ == "__main__":
    one = max_load_balls_into_bins(10_000, choices=1, seed=7)
    two = max_load_balls_into_bins(10_000, choices=2, seed=7)
    print(f"balls into bins, n = 10,000: max load {one} with one choice, {two} with two")
    assert one >= 6 and two <= 4  # about 7 vs 3-4: the second choice is an exponential improvement

    policies = {
        "round robin": round_robin,
        "random": lambda: pick_random,
        "least connections": lambda: least_connections,
        "power of two": lambda: power_of_two,
    }
    for label, speeds in [("ten equal servers", [1.0] * 10), ("one server 3x slower", [1.0] * 9 + [1 / 3])]:
        tails = {
            name: p99(simulate(make(), speeds, load=0.7, requests=40_000, seed=1)) for name, make in policies.items()
        }
        print(f"{label}: " + ", ".join(f"{name} p99 {value:.1f} s" for name, value in tails.items()))
        if label == "ten equal servers":
            # Mean service time is 1 s. Load-aware policies win; round robin beats random by spacing arrivals.
            assert tails["least connections"] < tails["power of two"] < tails["round robin"] < tails["random"]
            assert tails["power of two"] < 0.5 * tails["random"]
        else:
            # The slow server gets a tenth of 6.53 requests/s, 0.65/s, but serves 0.33/s: its queue only grows.
            assert tails["round robin"] > 100 * tails["power of two"]
            assert tails["random"] > 100 * tails["power of two"]
            # Counting in-flight requests routes around it: the tail stays within a few slow-server service times.
            assert tails["least connections"] < tails["power of two"] < 15
