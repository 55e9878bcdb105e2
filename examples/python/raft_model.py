"""A discrete-tick model of Raft's leader election and log replication (the simulator on the page runs the same
rules in JavaScript, and the tests compare the two tick by tick).

Five servers; a message sent in one tick arrives in the next unless its receiver is down or a partition
separates the two. Each tick: scripted events (client writes, crashes, restarts, partitions, a forced timeout),
then message delivery, then each server in turn sends heartbeats (a leader) or starts an election (anyone whose
randomized election timeout has run out). A new leader appends a no-op unless told not to (then the commit rule
is seen on its own, as in Figure 8 of the paper). Left out: snapshots, membership changes, pre-vote.
"""

import random

N = 5
MAJORITY = N // 2 + 1
TIMEOUT_MIN, TIMEOUT_MAX = 8, 16  # election timeout in ticks; a leader sends AppendEntries every tick


class Server:
    def __init__(self, sid: int, deadline: int) -> None:
        self.id, self.role, self.term, self.voted_for = sid, "follower", 0, None
        self.log: list[tuple[int, str]] = []  # (term, command); index i + 1 is the Raft index
        self.commit, self.deadline, self.votes = 0, deadline, set()
        self.next_index: dict[int, int] = {}
        self.match: dict[int, int] = {}

    def last(self) -> tuple[int, int]:
        """(last log term, last log index): what "at least as up to date" compares."""
        return (self.log[-1][0] if self.log else 0, len(self.log))


class Cluster:
    def __init__(self, timeout, count_old_terms: bool = False, noop: bool = True) -> None:
        self.timeout = timeout  # () -> ticks, drawn from the seed
        self.count_old_terms = count_old_terms  # True: the unsafe rule Raft forbids (commit by counting alone)
        self.noop = noop
        self.now = 0
        self.servers = [Server(i, timeout()) for i in range(N)]
        self.groups: list[set[int]] = [set(range(N))]
        self.in_flight: list[dict] = []
        self.committed: dict[int, tuple[int, str]] = {}  # the first entry ever committed at each index
        self.overwritten: set[int] = set()  # indices whose committed entry some server later lost

    def reachable(self, a: int, b: int) -> bool:
        return any(a in g and b in g for g in self.groups)

    def send(self, message: dict) -> None:
        self.in_flight.append(message)

    def step_down(self, s: Server, term: int) -> None:
        s.term, s.voted_for, s.role, s.votes = term, None, "follower", set()

    def tick(self, events: list[dict]) -> None:
        self.now += 1
        for event in events:
            self.apply(event)
        arriving, self.in_flight = self.in_flight, []
        # Each server reads its inbox starting with the server after it round the ring: a fixed stand-in for
        # network delays, so the same seed always replays the same run.
        arriving.sort(key=lambda m: (m["to"], (m["from"] - m["to"]) % N))
        for m in arriving:
            to = self.servers[m["to"]]
            if to.role != "down" and self.reachable(m["from"], m["to"]):
                self.receive(to, m)
        for s in self.servers:
            if s.role == "leader":
                for p in range(N):
                    if p != s.id:
                        prev = s.next_index[p] - 1
                        self.send(
                            {
                                "type": "append",
                                "from": s.id,
                                "to": p,
                                "term": s.term,
                                "prev": prev,
                                "prevTerm": s.log[prev - 1][0] if prev else 0,
                                "entries": s.log[prev:],
                                "commit": s.commit,
                            }
                        )
            elif s.role != "down" and self.now >= s.deadline:
                self.step_down(s, s.term + 1)
                s.role, s.voted_for, s.votes, s.deadline = "candidate", s.id, {s.id}, self.now + self.timeout()
                last_term, last_index = s.last()
                for p in range(N):
                    if p != s.id:
                        self.send(
                            {
                                "type": "vote",
                                "from": s.id,
                                "to": p,
                                "term": s.term,
                                "lastTerm": last_term,
                                "lastIndex": last_index,
                            }
                        )
        self.check_committed()

    def apply(self, event: dict) -> None:
        kind = event["type"]
        if kind == "write":  # a client writes to every server that believes it leads
            for s in self.servers:
                if s.role == "leader":
                    s.log.append((s.term, event["command"]))
                    s.match[s.id] = len(s.log)
        elif kind == "crash":
            self.servers[event["server"]].role = "down"
        elif kind == "restart":  # term, vote and log are on disk; the model keeps the commit index too
            s = self.servers[event["server"]]
            s.role, s.votes, s.deadline = "follower", set(), self.now + self.timeout()
        elif kind == "partition":
            self.groups = [set(g) for g in event["groups"]]
        elif kind == "timeout":
            self.servers[event["server"]].deadline = self.now

    def receive(self, s: Server, m: dict) -> None:
        if m["term"] > s.term:
            self.step_down(s, m["term"])
        if m["type"] == "vote":
            up_to_date = (m["lastTerm"], m["lastIndex"]) >= s.last()
            granted = m["term"] == s.term and s.voted_for in (None, m["from"]) and up_to_date
            if granted:
                s.voted_for, s.deadline = m["from"], self.now + self.timeout()
            self.send({"type": "voteReply", "from": s.id, "to": m["from"], "term": s.term, "granted": granted})
        elif m["type"] == "voteReply":
            if s.role == "candidate" and m["term"] == s.term and m["granted"]:
                s.votes.add(m["from"])
                if len(s.votes) >= MAJORITY:
                    s.role = "leader"
                    s.next_index = {p: len(s.log) + 1 for p in range(N)}
                    s.match = {p: 0 for p in range(N)}
                    if self.noop:  # an entry of its own term, so the older entries commit with it
                        s.log.append((s.term, "no-op"))
                    s.match[s.id] = len(s.log)
        elif m["type"] == "append":
            ok = False
            match = 0
            if m["term"] == s.term:
                s.role, s.votes, s.deadline = "follower", set(), self.now + self.timeout()
                prev = m["prev"]
                if prev == 0 or (len(s.log) >= prev and s.log[prev - 1][0] == m["prevTerm"]):
                    ok = True
                    for k, entry in enumerate(m["entries"]):
                        index = prev + 1 + k
                        if len(s.log) >= index and s.log[index - 1][0] != entry[0]:
                            del s.log[index - 1 :]  # a conflicting suffix: the leader's log wins
                        if len(s.log) < index:
                            s.log.append(tuple(entry))
                    match = prev + len(m["entries"])
                    s.commit = max(s.commit, min(m["commit"], match))
            self.send({"type": "appendReply", "from": s.id, "to": m["from"], "term": s.term, "ok": ok, "match": match})
        elif m["type"] == "appendReply" and s.role == "leader" and m["term"] == s.term:
            p = m["from"]
            if m["ok"]:
                s.match[p] = max(s.match[p], m["match"])
                s.next_index[p] = s.match[p] + 1
            else:
                s.next_index[p] = max(1, s.next_index[p] - 1)  # step back until the logs agree
            self.advance_commit(s)

    def advance_commit(self, leader: Server) -> None:
        for index in range(len(leader.log), leader.commit, -1):
            copies = sum(1 for p in range(N) if leader.match[p] >= index)
            current = leader.log[index - 1][0] == leader.term
            if copies >= MAJORITY and (current or self.count_old_terms):
                leader.commit = index  # commits every entry before it too
                return

    def check_committed(self) -> None:
        for s in self.servers:
            for index in range(1, s.commit + 1):
                entry = s.log[index - 1] if index <= len(s.log) else None
                first = self.committed.setdefault(index, entry)
                if entry != first:
                    self.overwritten.add(index)

    def leaders(self) -> list[int]:
        return [s.id for s in self.servers if s.role == "leader"]


def run(script: dict[int, list[dict]], ticks: int, seed: int, count_old_terms: bool = False, noop: bool = True):
    rng = random.Random(seed)
    cluster = Cluster(lambda: rng.randint(TIMEOUT_MIN, TIMEOUT_MAX), count_old_terms, noop)
    history = []
    for _ in range(ticks):
        cluster.tick(script.get(cluster.now + 1, []))
        history.append({s.term: s.id for s in cluster.servers if s.role == "leader"})
    terms_with_leaders: dict[int, set[int]] = {}
    for leaders in history:
        for term, sid in leaders.items():
            terms_with_leaders.setdefault(term, set()).add(sid)
    assert all(len(ids) == 1 for ids in terms_with_leaders.values()), "two leaders in one term"
    cluster.terms_with_leaders = terms_with_leaders
    return cluster


def write(command: str) -> dict:
    return {"type": "write", "command": command}


if __name__ == "__main__":
    # An election from cold, one write: every server ends with the leader's no-op and the write, committed.
    c = run({20: [write("a")]}, 30, seed=1)
    assert len(c.leaders()) == 1
    assert all([cmd for _, cmd in s.log] == ["no-op", "a"] and s.commit == 2 for s in c.servers)

    # A split vote: S1 leads term 1 and crashes; S2 and S4 time out together; S3 hears S4 first and S5 hears
    # S2 first, so each has 2 of 5 votes and term 2 has no leader. Randomized timeouts settle term 3 or later.
    split = {
        1: [{"type": "timeout", "server": 0}],
        4: [write("a")],
        8: [{"type": "crash", "server": 0}],
        10: [{"type": "timeout", "server": 1}, {"type": "timeout", "server": 3}],
    }
    c = run(split, 40, seed=3)
    assert 1 in c.terms_with_leaders and 2 not in c.terms_with_leaders and len(c.leaders()) == 1
    assert c.servers[c.leaders()[0]].term >= 3

    # A partition isolates the leader S1 with S2: its write reaches 2 of 5 and never commits; the majority
    # elects a leader of term 2 or later that commits; on healing, S1 steps down and its entry is overwritten.
    partition = {
        1: [{"type": "timeout", "server": 0}],
        4: [write("a")],
        9: [{"type": "partition", "groups": [[0, 1], [2, 3, 4]]}],
        10: [write("lost")],
        34: [write("b")],
        42: [{"type": "partition", "groups": [[0, 1, 2, 3, 4]]}],
    }
    c = run(partition, 55, seed=5)
    (leader,) = [c.servers[i] for i in c.leaders()]
    assert leader.id >= 2 and c.servers[0].role == "follower"
    assert all(s.log == leader.log and s.commit == len(leader.log) for s in c.servers)
    assert [cmd for _, cmd in leader.log if cmd != "no-op"] == ["a", "b"]  # "lost" was never committed

    # Figure 8 of the Raft paper, without the no-op: S1 (term 3) brings its term-1 entry x to a majority, then
    # crashes; S5, whose log ends in term 2, wins term 4 and overwrites x. Counting replicas would have
    # committed x: a committed entry lost. The current-term rule never commits x; z, of term 4, commits y.
    crash = lambda *ids: [{"type": "crash", "server": i} for i in ids]  # noqa: E731
    restart = lambda *ids: [{"type": "restart", "server": i} for i in ids]  # noqa: E731
    timeout = lambda i: [{"type": "timeout", "server": i}]  # noqa: E731
    figure8 = {
        1: timeout(0),
        4: [write("a")],
        8: crash(2, 3, 4) + [write("x")],
        10: crash(0, 1),
        11: restart(2, 3, 4),
        12: timeout(4),
        15: [write("y")] + crash(4),
        16: restart(0, 1),
        17: timeout(0),
        19: timeout(0),
        26: crash(0),
        27: restart(4),
        28: timeout(4),
        30: timeout(4),
        37: [write("z")],
    }
    safe = run(figure8, 44, seed=8, noop=False)
    unsafe = run(figure8, 44, seed=8, count_old_terms=True, noop=False)
    assert not safe.overwritten and [cmd for _, cmd in safe.servers[1].log] == ["a", "y", "z"]
    assert safe.servers[1].commit == 3
    assert unsafe.overwritten == {2}, "x was committed by counting, then overwritten by y"
    print("raft model: all scenarios behave as the paper says")
