"""Lamport clocks: one counter per process, the send and receive rules, and what the order does and does not say.

Rules (Lamport, 1978): increment the counter before each local event and each send; attach it to the message;
on receipt set it to max(own, received) + 1. Then a -> b (a happened before b) implies L(a) < L(b), and
(L, process id) is a total order consistent with causality. The converse fails: L(a) < L(b) does not mean a -> b,
so concurrent events get an order that says nothing. Each rule is O(1) time; the clock is one integer.
"""

from __future__ import annotations


class LamportClock:
    def __init__(self, process: str) -> None:
        self.process = process
        self.time = 0

    def tick(self) -> int:
        """A local event (a write, a log line)."""
        self.time += 1
        return self.time

    def send(self) -> int:
        """Sending is an event; the message carries the returned timestamp."""
        return self.tick()

    def receive(self, timestamp: int) -> int:
        """Jump past everything the sender had seen, then count the receive as an event."""
        self.time = max(self.time, timestamp) + 1
        return self.time


if __name__ == "__main__":
    import random

    alice, bob, carol = LamportClock("A"), LamportClock("B"), LamportClock("C")
    carol_busy = [carol.tick() for _ in range(5)]  # Carol logs five events, talking to nobody: C1..C5
    question = alice.send()  # A1: Alice posts a question
    read = bob.receive(question)  # B2: Bob reads it
    reply = bob.send()  # B3: Bob replies
    answer_seen = alice.receive(reply)  # A4: Alice reads the reply

    # Causally related events are ordered: question -> read -> reply -> answer_seen.
    assert question < read < reply < answer_seen
    assert (question, read, reply, answer_seen) == (1, 2, 3, 4)
    # The receive rule is what makes it work: Bob's clock is at 3, Alice's next message carries 5, so Bob jumps to 6.
    assert bob.receive(alice.send()) == max(3, 5) + 1 == 6

    # Concurrent events get an arbitrary order. Carol's events are concurrent with all of the above (no message
    # links them), yet her 5th event has a larger timestamp than Alice's question, and her 1st a smaller one
    # than Bob's reply: L(a) < L(b) here says nothing about causality, in either direction.
    assert question < carol_busy[4] and carol_busy[0] < reply
    # Worse, it can disagree with real time: Carol's C5 happened (say) an hour before the question, yet
    # L(question) = 1 < 5. Only a vector clock can tell "before" from "concurrent".

    # A total order: break ties by process id. Events with equal timestamps on different processes are ordered,
    # consistently on every node, which is enough for a distributed mutual-exclusion queue or unique ids.
    events = [(question, "A"), (1, "C"), (read, "B"), (2, "C")]
    assert sorted(events) == [(1, "A"), (1, "C"), (2, "B"), (2, "C")]

    # Randomized: simulate random runs of 3 processes (local events, sends, receives of pending messages), record
    # the happened-before edges (program order and send -> receive), and check with a brute-force transitive
    # closure that every causally ordered pair of events has increasing timestamps, and that concurrent pairs
    # show up with both possible timestamp orders across the runs.
    def random_run(rng: random.Random) -> tuple[list[int], list[tuple[int, int]]]:
        """Return (timestamp of each event, happened-before edges between event ids) for one random run."""
        clocks = {p: LamportClock(p) for p in "PQR"}
        stamp: list[int] = []
        edges: list[tuple[int, int]] = []
        last_event: dict[str, int] = {}
        in_flight: list[tuple[str, int, int]] = []  # (destination, timestamp, id of the send event)

        def record(process: str, timestamp: int) -> int:
            stamp.append(timestamp)
            event = len(stamp) - 1
            if process in last_event:
                edges.append((last_event[process], event))  # program order
            last_event[process] = event
            return event

        for _ in range(rng.randint(1, 14)):
            p = rng.choice("PQR")
            action = rng.random()
            if action < 0.35 and in_flight:
                dest, timestamp, send_event = in_flight.pop(rng.randrange(len(in_flight)))
                edges.append((send_event, record(dest, clocks[dest].receive(timestamp))))
            elif action < 0.7:
                timestamp = clocks[p].send()
                in_flight.append((rng.choice([q for q in "PQR" if q != p]), timestamp, record(p, timestamp)))
            else:
                record(p, clocks[p].tick())
        return stamp, edges

    rng = random.Random(1978)
    concurrent_orders = set()
    for _ in range(200):
        stamp, edges = random_run(rng)
        n = len(stamp)
        before = [[False] * n for _ in range(n)]  # before[a][b]: a happened before b
        for a, b in edges:
            before[a][b] = True
        for k in range(n):  # Floyd-Warshall style closure: a -> k and k -> b give a -> b
            for a in range(n):
                for b in range(n):
                    before[a][b] = before[a][b] or (before[a][k] and before[k][b])
        for a in range(n):
            for b in range(n):
                if before[a][b]:
                    assert stamp[a] < stamp[b], (a, b, stamp)  # the clock condition
                elif a < b and not before[b][a]:
                    concurrent_orders.add((stamp[a] > stamp[b]) - (stamp[a] < stamp[b]))
    assert concurrent_orders == {-1, 0, 1}  # concurrent events: earlier, equal or later timestamps, all seen
    print("Lamport: causal pairs ordered; concurrent pairs ordered arbitrarily:", sorted(concurrent_orders))
