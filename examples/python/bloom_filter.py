"""A Bloom filter: "definitely not present" or "probably present", in about 10 bits per key for 1% errors.

Sizing for n keys and a target false-positive rate p:
    m = -n ln(p) / (ln 2)^2 bits,   k = (m / n) ln 2 hash functions,
and the expected false-positive rate of a filter with m bits, k hashes and n keys is (1 - e^(-kn/m))^k.
add and might_contain are O(k) time; the filter takes m bits whatever the size of the keys. No deletes:
clearing a bit could erase another key (a counting Bloom filter keeps small counters instead).
"""

import hashlib
import math


def optimal_size(n: int, p: float) -> tuple[int, int]:
    """Return (m bits, k hashes) for n keys at false-positive rate p."""
    if n <= 0 or not 0 < p < 1:
        raise ValueError("need n > 0 and 0 < p < 1")
    m = math.ceil(-n * math.log(p) / math.log(2) ** 2)
    k = max(1, round(m / n * math.log(2)))
    return m, k


def false_positive_rate(m: int, k: int, n: int) -> float:
    return (1 - math.exp(-k * n / m)) ** k


class BloomFilter:
    def __init__(self, n: int, p: float) -> None:
        self.m, self.k = optimal_size(n, p)
        self.bits = bytearray((self.m + 7) // 8)
        self.count = 0

    def _positions(self, key: str) -> list[int]:
        # Two 64-bit hashes from one digest, combined as h1 + i*h2 (Kirsch and Mitzenmacher, 2006):
        # k independent-looking positions for the price of one hash computation.
        digest = hashlib.blake2b(key.encode(), digest_size=16).digest()
        h1 = int.from_bytes(digest[:8], "little")
        h2 = int.from_bytes(digest[8:], "little") | 1  # odd, so it never collapses to one position
        return [(h1 + i * h2) % self.m for i in range(self.k)]

    def add(self, key: str) -> None:
        for pos in self._positions(key):
            self.bits[pos >> 3] |= 1 << (pos & 7)
        self.count += 1

    def might_contain(self, key: str) -> bool:
        return all(self.bits[pos >> 3] & (1 << (pos & 7)) for pos in self._positions(key))


if __name__ == "__main__":
    # sizing: one million keys at 1% needs about 9.6 bits per key (1.2 MB) and 7 hashes
    m, k = optimal_size(1_000_000, 0.01)
    assert (m, k) == (9_585_059, 7)
    assert round(m / 1_000_000, 1) == 9.6 and round(m / 8 / 1e6, 1) == 1.2
    assert round(false_positive_rate(m, k, 1_000_000), 4) == 0.01
    # each 10x lower error rate costs about 4.8 more bits per key
    m2, k2 = optimal_size(1_000_000, 0.001)
    assert round(m2 / 1_000_000, 1) == 14.4 and k2 == 10
    # overfilling degrades fast: the same filter holding 2x the keys
    assert 0.15 < false_positive_rate(m, k, 2_000_000) < 0.17

    bf = BloomFilter(n=10_000, p=0.01)
    for i in range(10_000):
        bf.add(f"user:{i}@example.com")
    # no false negatives, ever
    assert all(bf.might_contain(f"user:{i}@example.com") for i in range(10_000))
    # measured false positives on 100,000 keys never added: close to the 1% target
    fp = sum(bf.might_contain(f"other:{i}") for i in range(100_000))
    assert 700 < fp < 1300, fp

    # an empty filter contains nothing
    assert not BloomFilter(n=100, p=0.01).might_contain("anything")
    try:
        optimal_size(0, 0.01)
    except ValueError:
        pass
    else:
        raise AssertionError("n = 0 must be rejected")

    # randomized: random sets of random strings at random sizes and targets. Never a false negative, and the
    # measured false-positive rate stays within a tolerance of (1 - e^(-kn/m))^k for the filter's own m and k:
    # five binomial standard deviations for the sampling noise plus 25% for the formula being an approximation
    import random
    import string

    rng = random.Random(13)
    alphabet = string.ascii_letters + string.digits + "@.:-_é€"
    measured_total = expected_total = 0.0
    for _ in range(20):
        n, target = rng.randint(100, 1500), rng.choice([0.01, 0.03, 0.1])
        members = {"".join(rng.choices(alphabet, k=rng.randint(1, 12))) for _ in range(n)}
        bloom = BloomFilter(n=len(members), p=target)
        for key in members:
            bloom.add(key)
        assert all(bloom.might_contain(key) for key in members)  # no false negatives
        trials = 4000
        strangers = ["~" + "".join(rng.choices(alphabet, k=rng.randint(1, 12))) for _ in range(trials)]
        measured = sum(map(bloom.might_contain, strangers)) / trials  # "~" is not in the alphabet: never added
        expected = false_positive_rate(bloom.m, bloom.k, len(members))
        assert abs(measured - expected) <= 5 * math.sqrt(expected * (1 - expected) / trials) + 0.25 * expected
        measured_total += measured
        expected_total += expected
    assert abs(measured_total / expected_total - 1) < 0.15  # averaged over all 20 filters: close to the formula
    print(f"m={m:,} bits ({m / 8 / 1e6:.1f} MB), k={k}; measured false positives: {fp / 100_000:.2%}")
