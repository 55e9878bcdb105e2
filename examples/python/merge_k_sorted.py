"""Merge K sorted streams into one sorted stream: "merge the access logs of 50 servers by timestamp".

A heap holds the current head of each stream: pop the smallest, then push the next item from the same
stream. O(n log k) time for n items in total, O(k) memory: only one item per stream is held, so the
streams can be files or network cursors far larger than RAM. This is the merge step of external sort and
of LSM-tree compaction.
"""

import heapq
from collections.abc import Iterable, Iterator


def merge_streams(streams: Iterable[Iterable[tuple[int, str]]]) -> Iterator[tuple[int, str]]:
    """Yield (timestamp, line) in timestamp order. Equal timestamps keep stream order (a stable merge)."""
    heap: list[tuple[int, int, str, Iterator[tuple[int, str]]]] = []
    for idx, stream in enumerate(streams):
        it = iter(stream)
        first = next(it, None)
        if first is not None:
            # idx breaks ties before Python would try to compare the iterators (a TypeError)
            heap.append((first[0], idx, first[1], it))
    heapq.heapify(heap)
    last = None
    while heap:
        ts, idx, line, it = heap[0]
        if last is not None and ts < last:
            raise ValueError(f"stream {idx} is not sorted: {ts} after {last}")
        last = ts
        yield ts, line
        nxt = next(it, None)
        if nxt is None:
            heapq.heappop(heap)
        else:
            heapq.heapreplace(heap, (nxt[0], idx, nxt[1], it))


if __name__ == "__main__":
    web1 = [(100, "web1 GET /"), (105, "web1 GET /cart"), (130, "web1 POST /pay")]
    web2 = [(101, "web2 GET /"), (105, "web2 GET /search")]
    web3: list[tuple[int, str]] = []  # a server that logged nothing
    web4 = [(90, "web4 boot")]
    merged = list(merge_streams([web1, web2, web3, web4]))
    assert [ts for ts, _ in merged] == [90, 100, 101, 105, 105, 130]
    assert merged[3][1] == "web1 GET /cart" and merged[4][1] == "web2 GET /search"  # tie: stream order
    # the standard library's heapq.merge gives the same order
    assert merged == list(heapq.merge(web1, web2, web3, web4, key=lambda e: e[0]))

    assert list(merge_streams([])) == []
    assert list(merge_streams([[], []])) == []

    # lazy: generators of 100,000 items each are merged without being materialised first
    gens = [((t, f"s{s}") for t in range(s, 300_000, 3)) for s in range(3)]
    out = merge_streams(gens)
    assert [next(out)[0] for _ in range(5)] == [0, 1, 2, 3, 4]

    try:
        list(merge_streams([[(5, "a"), (1, "b")]]))
    except ValueError as err:
        assert "not sorted" in str(err)
    else:
        raise AssertionError("an unsorted input stream must be detected")

    # randomized, against sorted(concatenation): Python's sort is stable, so sorting the streams laid end to end
    # by timestamp is exactly the stable merge (equal timestamps in stream order, then line order)
    import random

    rng = random.Random(41)
    for _ in range(500):
        streams = [
            [(t, f"s{s}#{i}") for i, t in enumerate(sorted(rng.choices(range(20), k=rng.randint(0, 8))))]
            for s in range(rng.randint(0, 6))
        ]
        expected = sorted((e for stream in streams for e in stream), key=lambda e: e[0])
        assert list(merge_streams(streams)) == expected
        assert list(merge_streams(iter(s) for s in streams)) == expected  # iterators, not lists
    print("merged:", [line for _, line in merged])
