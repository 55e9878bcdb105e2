"""Cuckoo filter: set membership with deletes, in a table of short fingerprints (Fan et al., CoNEXT 2014).

- A table of 2^k buckets, 4 slots each, stores an f-bit fingerprint of each item. An item may live in bucket
  i1 = hash(x) or i2 = i1 XOR hash(fingerprint): either bucket can be computed from the other and the fingerprint
  alone ("partial-key cuckoo hashing"), which is what makes relocation and deletion possible.
- Insert: take a free slot in i1 or i2; else evict a random fingerprint to its other bucket, up to 500 kicks.
- Lookup checks 8 slots, so the false-positive rate is at most 2b / 2^f = 8 / 2^f (0.20% for f = 12); with
  4-slot buckets the table fills to about 95% before an insert fails.
- Delete removes one copy of the fingerprint. Only delete items that were inserted: removing a never-inserted
  item that shares a fingerprint deletes someone else's entry (a false negative).
Standard library only.
"""

from __future__ import annotations

import hashlib
import random

SLOTS = 4
MAX_KICKS = 500


def _h(data: bytes) -> int:
    return int.from_bytes(hashlib.blake2b(data, digest_size=8).digest(), "big")


class CuckooFilter:
    def __init__(self, bucket_bits: int, fingerprint_bits: int, seed: int = 0):
        self.n_buckets, self.f = 1 << bucket_bits, fingerprint_bits
        self.buckets: list[list[int]] = [[] for _ in range(self.n_buckets)]
        self.rng = random.Random(seed)
        self.count = 0

    def _fingerprint_and_index(self, item: str) -> tuple[int, int]:
        h = _h(item.encode())
        fp = (h & ((1 << self.f) - 1)) or 1  # 0 would be indistinguishable from an empty slot
        return fp, (h >> 32) % self.n_buckets

    def _alt(self, index: int, fp: int) -> int:
        return index ^ (_h(fp.to_bytes(4, "big")) % self.n_buckets)  # an involution: _alt(_alt(i)) == i

    def insert(self, item: str) -> bool:
        fp, i1 = self._fingerprint_and_index(item)
        i2 = self._alt(i1, fp)
        for i in (i1, i2):
            if len(self.buckets[i]) < SLOTS:
                self.buckets[i].append(fp)
                self.count += 1
                return True
        i = self.rng.choice((i1, i2))
        for _ in range(MAX_KICKS):
            victim = self.rng.randrange(SLOTS)
            fp, self.buckets[i][victim] = self.buckets[i][victim], fp
            i = self._alt(i, fp)
            if len(self.buckets[i]) < SLOTS:
                self.buckets[i].append(fp)
                self.count += 1
                return True
        return False  # table too full: a real filter would resize or keep the homeless fingerprint aside

    def contains(self, item: str) -> bool:
        fp, i1 = self._fingerprint_and_index(item)
        return fp in self.buckets[i1] or fp in self.buckets[self._alt(i1, fp)]

    def delete(self, item: str) -> bool:
        fp, i1 = self._fingerprint_and_index(item)
        for i in (i1, self._alt(i1, fp)):
            if fp in self.buckets[i]:
                self.buckets[i].remove(fp)
                self.count -= 1
                return True
        return False

    def load(self) -> float:
        return self.count / (self.n_buckets * SLOTS)


FP_BITS = 12
bound = 2 * SLOTS / 2**FP_BITS
assert round(bound * 100, 2) == 0.20

# Fill a table of 4,096 buckets (16,384 slots) until the first insert fails.
cf = CuckooFilter(bucket_bits=12, fingerprint_bits=FP_BITS, seed=3)
members = []
while cf.insert(f"user-{len(members)}"):
    members.append(f"user-{len(members)}")
max_load = cf.load()
assert max_load > 0.90  # 4-slot buckets fill past 90% (the paper reports about 95%)

# Test at 90% load, in a fresh table: the failed insert above dropped one fingerprint, a false negative.
cf = CuckooFilter(bucket_bits=12, fingerprint_bits=FP_BITS, seed=3)
members = [f"user-{i}" for i in range(int(0.9 * 16_384))]
assert all(cf.insert(m) for m in members)

# No false negatives, and the measured false-positive rate on 100,000 non-members stays under 8 / 2^12.
assert all(cf.contains(m) for m in members)
outsiders = [f"guest-{i}" for i in range(100_000)]
fp_rate = sum(cf.contains(o) for o in outsiders) / len(outsiders)
assert fp_rate <= bound

# Deletion, which a Bloom filter cannot do: remove half the members; the other half are all still found.
for m in members[::2]:
    assert cf.delete(m)
assert all(cf.contains(m) for m in members[1::2])
still_found = sum(cf.contains(m) for m in members[::2]) / len(members[::2])
assert still_found <= 2 * bound  # a deleted item is found again only through another item's matching fingerprint

print(
    f"first failed insert at {max_load:.1%} load; tested at 90%; false positives {fp_rate:.3%} (bound {bound:.3%}); "
    f"deleted items still reported {still_found:.3%}"
)
