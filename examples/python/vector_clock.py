"""Vector clocks: increment, send, receive (merge), and compare to detect concurrency.

Each node keeps one counter per node. An event on node i increments entry i; a message carries the
sender's vector; the receiver takes the element-wise maximum and then increments its own entry.
Comparing two vectors says whether one event happened before the other, or they are concurrent.
"""

BEFORE, AFTER, EQUAL, CONCURRENT = "before", "after", "equal", "concurrent"


class VectorClock:
    def __init__(self, node: str, counters: dict[str, int] | None = None) -> None:
        self.node = node
        self.counters: dict[str, int] = dict(counters or {})

    def tick(self) -> dict[str, int]:
        """A local event (for example a write): increment our own entry."""
        self.counters[self.node] = self.counters.get(self.node, 0) + 1
        return dict(self.counters)

    def send(self) -> dict[str, int]:
        """Sending is an event; the message carries a copy of the vector."""
        return self.tick()

    def receive(self, incoming: dict[str, int]) -> dict[str, int]:
        """Merge: element-wise maximum, then count the receive as a local event."""
        self.counters = merge(self.counters, incoming)
        return self.tick()


def merge(a: dict[str, int], b: dict[str, int]) -> dict[str, int]:
    return {node: max(a.get(node, 0), b.get(node, 0)) for node in a.keys() | b.keys()}


def compare(a: dict[str, int], b: dict[str, int]) -> str:
    """Return whether a happened before b, after b, is equal to b, or is concurrent with b."""
    nodes = a.keys() | b.keys()
    a_le_b = all(a.get(n, 0) <= b.get(n, 0) for n in nodes)
    b_le_a = all(b.get(n, 0) <= a.get(n, 0) for n in nodes)
    if a_le_b and b_le_a:
        return EQUAL
    if a_le_b:
        return BEFORE
    if b_le_a:
        return AFTER
    return CONCURRENT


if __name__ == "__main__":
    alice, bob, carol = VectorClock("A"), VectorClock("B"), VectorClock("C")

    question = alice.send()  # A posts a question: {A:1}
    bob.receive(question)  # B reads it: {A:1, B:1}
    reply = bob.send()  # B replies: {A:1, B:2}
    unrelated = carol.tick()  # C writes something without seeing either: {C:1}

    assert question == {"A": 1}
    assert reply == {"A": 1, "B": 2}
    # The reply causally follows the question, in both directions of the comparison.
    assert compare(question, reply) == BEFORE
    assert compare(reply, question) == AFTER
    # Carol's write is concurrent with both: neither vector dominates.
    assert compare(unrelated, question) == CONCURRENT
    assert compare(unrelated, reply) == CONCURRENT

    # Two replicas accept concurrent writes to the same key: a conflict to keep as siblings or merge.
    replica_1, replica_2 = VectorClock("R1", {"R1": 2, "R2": 1}), VectorClock("R2", {"R1": 2, "R2": 1})
    v1 = replica_1.tick()  # {R1:3, R2:1}
    v2 = replica_2.tick()  # {R1:2, R2:2}
    assert compare(v1, v2) == CONCURRENT

    # After syncing, each side merges and the merged version dominates both.
    merged = merge(v1, v2)
    assert merged == {"R1": 3, "R2": 2}
    assert compare(v1, merged) == BEFORE and compare(v2, merged) == BEFORE
    assert compare(merged, merged) == EQUAL

    # Carol now receives the reply: her next event follows everything she has seen.
    carol_after = carol.receive(reply)
    assert carol_after == {"A": 1, "B": 2, "C": 2}
    assert compare(reply, carol_after) == BEFORE
    assert compare(unrelated, carol_after) == BEFORE
    print("vector clocks: causality and concurrency detected correctly")
