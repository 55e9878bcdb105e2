"""A Kafka consumer group in whole ticks: partitions assigned by the range or the round-robin assignor, eager
rebalances when members join, leave or miss their session timeout, per-partition lag, and replays of what a
crashed member processed but had not committed (at-least-once). The simulator on the page runs the same rules
in JavaScript, and the tests compare the two tick by tick.

Each tick: membership changes (a rebalance pauses consumption for that tick), then the producer appends
records (key mod partitions stands in for the murmur2 hash), then each member processes up to `capacity`
records, one at a time round its partitions, then, every `commit_every` ticks, members commit their positions.
"""


def range_assign(partitions: int, members: list[str]) -> dict[str, list[int]]:
    """Kafka's RangeAssignor for one topic: members sorted, contiguous blocks, the first ones get one extra."""
    members = sorted(members)
    share, extra = divmod(partitions, len(members))
    assignment, start = {}, 0
    for i, member in enumerate(members):
        count = share + (1 if i < extra else 0)
        assignment[member] = list(range(start, start + count))
        start += count
    return assignment


def round_robin_assign(partitions: int, members: list[str]) -> dict[str, list[int]]:
    """Kafka's RoundRobinAssignor for one topic: partition p goes to the (p mod members)-th member, sorted."""
    members = sorted(members)
    assignment = {m: [] for m in members}
    for p in range(partitions):
        assignment[members[p % len(members)]].append(p)
    return assignment


ASSIGNORS = {"range": range_assign, "roundrobin": round_robin_assign}


class Group:
    def __init__(self, partitions: int, assignor: str, capacity: int, commit_every: int, session: int = 3):
        self.partitions, self.assign, self.capacity = partitions, ASSIGNORS[assignor], capacity
        self.commit_every, self.session = commit_every, session
        self.logs: list[list[tuple[int, int]]] = [[] for _ in range(partitions)]  # (production number, key)
        self.committed = [0] * partitions  # the next offset to read, per partition, as the group last committed
        self.position = [0] * partitions  # the next offset its current owner will read
        self.members: list[str] = []
        self.crashed: dict[str, int] = {}  # a crashed member stays in the group until its session times out
        self.assignment: dict[str, list[int]] = {}
        self.now = self.produced = self.rebalances = self.duplicates = 0
        self.processed: list[tuple[str, int, int]] = []  # (member, partition, offset), in processing order
        self.seen: set[tuple[int, int]] = set()
        self.newest = -1  # the latest production number processed so far
        self.newest_in = [-1] * partitions
        self.overtaken = 0  # records processed after a record produced later (possible across partitions)
        self.overtaken_in_partition = 0  # the same within one partition (never)

    def commit(self, member: str) -> None:
        for p in self.assignment.get(member, []):
            self.committed[p] = self.position[p]

    def tick(self, events: list[dict], keys: list[int]) -> None:
        self.now += 1
        changed = False
        for event in events:
            member = event["member"]
            if event["type"] == "join":
                self.members.append(member)
            elif event["type"] == "leave":  # a clean leave commits first
                self.commit(member)
                self.members.remove(member)
            elif event["type"] == "crash":
                self.crashed[member] = self.now
            changed = changed or event["type"] != "crash"
        for member, since in list(self.crashed.items()):
            if self.now >= since + self.session:
                del self.crashed[member]
                self.members.remove(member)
                changed = True
        if changed:  # eager rebalance: live members commit and give up everything; owners restart at commits
            for member in self.assignment:
                if member in self.members and member not in self.crashed:
                    self.commit(member)
            self.assignment = self.assign(self.partitions, self.members) if self.members else {}
            self.position = list(self.committed)
            self.rebalances += 1
        for key in keys:
            self.logs[key % self.partitions].append((self.produced, key))
            self.produced += 1
        if not changed:
            for member in sorted(self.assignment):
                if member not in self.crashed:
                    self.consume(member)
        if self.now % self.commit_every == 0:
            for member in self.assignment:
                if member not in self.crashed:
                    self.commit(member)

    def consume(self, member: str) -> None:
        budget = self.capacity
        progressed = True
        while budget and progressed:
            progressed = False
            for p in self.assignment[member]:
                if budget and self.position[p] < len(self.logs[p]):
                    self.process(member, p, self.position[p])
                    self.position[p] += 1
                    budget -= 1
                    progressed = True

    def process(self, member: str, p: int, offset: int) -> None:
        self.processed.append((member, p, offset))
        if (p, offset) in self.seen:
            self.duplicates += 1  # a replay: processed before, not committed before the rebalance
            return
        self.seen.add((p, offset))
        number = self.logs[p][offset][0]
        self.overtaken += number < self.newest
        self.overtaken_in_partition += number < self.newest_in[p]
        self.newest, self.newest_in[p] = max(self.newest, number), max(self.newest_in[p], number)

    def lag(self) -> list[int]:
        return [len(log) - committed for log, committed in zip(self.logs, self.committed, strict=True)]


def run(partitions, assignor, script, ticks, rate, capacity=3, commit_every=5, keys=12):
    group = Group(partitions, assignor, capacity, commit_every)
    counter = 0
    for tick in range(1, ticks + 1):
        batch = [(counter + i) * 7 % keys for i in range(rate)]  # a fixed spread of keys
        counter += rate
        group.tick(script.get(tick, []), batch)
    return group


if __name__ == "__main__":
    assert range_assign(4, ["c1", "c2", "c3"]) == {"c1": [0, 1], "c2": [2], "c3": [3]}
    assert round_robin_assign(5, ["c2", "c1"]) == {"c1": [0, 2, 4], "c2": [1, 3]}
    assert range_assign(4, ["c1", "c2", "c3", "c4", "c5"])["c5"] == []  # more members than partitions: idle

    join = lambda *ms: [{"type": "join", "member": m} for m in ms]  # noqa: E731
    # One consumer of capacity 3 against 6 records a tick: lag grows; with four, one per partition, it drains.
    one = run(4, "range", {1: join("c1")}, 20, rate=6)
    four = run(4, "range", {1: join("c1", "c2", "c3", "c4")}, 20, rate=6)
    assert sum(one.lag()) > 50 and sum(four.lag()) <= 6 * 5 and one.rebalances == four.rebalances == 1

    # A crash: c2's records since its last commit are processed again by the partition's next owner.
    crash = run(4, "range", {1: join("c1", "c2"), 8: [{"type": "crash", "member": "c2"}]}, 30, rate=4)
    assert crash.rebalances == 2 and crash.duplicates > 0 and crash.assignment == {"c1": [0, 1, 2, 3]}
    # A clean leave commits first: nothing is processed twice.
    leave = run(4, "range", {1: join("c1", "c2"), 8: [{"type": "leave", "member": "c2"}]}, 30, rate=4)
    assert leave.rebalances == 2 and leave.duplicates == 0

    # Order holds within each partition only: across partitions some records overtake earlier ones.
    for group in (one, four, crash, leave):
        assert group.overtaken_in_partition == 0
    assert four.overtaken > 0

    # Every member removed: c1 kept up and committed as it left at tick 6; from then on nothing is consumed,
    # so the lag is every record produced in ticks 6 to 12.
    empty = run(2, "roundrobin", {1: join("c1"), 6: [{"type": "leave", "member": "c1"}]}, 12, rate=2)
    assert empty.assignment == {} and sum(empty.lag()) == 2 * 7
    print("consumer group: assignments, lag, replays and per-partition order as expected")
