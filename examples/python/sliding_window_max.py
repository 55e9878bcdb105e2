"""Maximum over every window of k consecutive values with a monotonic deque.

"Report the worst p99 latency over each 5-minute window of per-minute samples." Recomputing max() per
window costs O(n k); the deque holds indices whose values are decreasing, so each index enters and
leaves it once: O(n) time in total, O(k) space.
"""

from collections import deque
from collections.abc import Iterable, Iterator


def window_max(values: Iterable[float], k: int) -> Iterator[float]:
    """Yield the max of each full window of size k. Works on a stream: it never needs the whole input."""
    if k <= 0:
        raise ValueError("window size must be positive")
    dq: deque[tuple[int, float]] = deque()  # (index, value), values strictly decreasing front to back
    for i, v in enumerate(values):
        while dq and dq[-1][1] <= v:  # a smaller older value can never be a max again
            dq.pop()
        dq.append((i, v))
        if dq[0][0] <= i - k:  # the front slid out of the window
            dq.popleft()
        if i >= k - 1:
            yield dq[0][1]


if __name__ == "__main__":
    p99_ms = [120, 95, 180, 160, 90, 85, 300, 110, 100, 105]
    assert list(window_max(p99_ms, 3)) == [180, 180, 180, 160, 300, 300, 300, 110]
    # the brute force agrees
    assert list(window_max(p99_ms, 4)) == [max(p99_ms[i : i + 4]) for i in range(len(p99_ms) - 3)]

    assert list(window_max([], 3)) == []  # empty input
    assert list(window_max([1, 2], 3)) == []  # shorter than one window
    assert list(window_max([5, 5, 5], 2)) == [5, 5]  # ties
    assert list(window_max([4, 2, 7], 1)) == [4, 2, 7]
    assert list(window_max(iter(range(1_000_000)), 1000))[-1] == 999_999  # a generator, one pass
    try:
        list(window_max([1], 0))
    except ValueError:
        pass
    else:
        raise AssertionError("k = 0 must be rejected")

    # randomized, against max() over every window: random lengths, window sizes and small values (many ties)
    import random

    rng = random.Random(19)
    for _ in range(500):
        values = [rng.randint(-5, 5) for _ in range(rng.randint(0, 30))]
        k = rng.randint(1, 10)
        assert list(window_max(values, k)) == [max(values[i : i + k]) for i in range(len(values) - k + 1)]
    print("window max:", list(window_max(p99_ms, 3)))
