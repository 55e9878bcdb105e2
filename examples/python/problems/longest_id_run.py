"""Longest run of consecutive ids: a hash set, counting up only from ids that start a run.

An id starts a run when id - 1 is absent; each id is then visited once by the run containing it.
Time O(n) expected; space O(n) for the set.
"""

from __future__ import annotations


def longest_run(ids: list[int]) -> int:
    present = set(ids)
    best = 0
    for start in present:
        if start - 1 in present:
            continue  # not the start of its run: counted from the start instead
        end = start
        while end + 1 in present:
            end += 1
        best = max(best, end - start + 1)
    return best
