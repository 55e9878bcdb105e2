"""Leaderless replication of one key: N home replicas, writes acknowledged by W, reads answered by R, versions
ordered by last-writer-wins, with an optional sloppy quorum whose stand-ins hold hints for hinted handoff.

Which replicas answer first is passed in as `order` (a list of node names): the fastest replies decide."""

from itertools import permutations


def newer(a, b) -> bool:
    """Last-writer-wins: the higher timestamp wins; ties go to the higher value name, so every replica agrees."""
    return b is None or (a is not None and (a["ts"], a["value"]) > (b["ts"], b["value"]))


class Cluster:
    def __init__(self, nodes: list[str], n: int, w: int, r: int, sloppy: bool = False):
        self.home, self.spare = nodes[:n], nodes[n:]  # the key's N home replicas, then stand-ins
        self.w, self.r, self.sloppy = w, r, sloppy
        self.up = dict.fromkeys(nodes, True)
        self.stored = dict.fromkeys(nodes)  # node -> the version it holds for the key
        self.hints = {node: {} for node in nodes}  # stand-in -> {home node: version to hand back}
        self.lagging = []  # (node, version): copies the slow replicas apply at the end of the next step
        self.late = []

    def _keep(self, node, version):
        if newer(version, self.stored[node]):
            self.stored[node] = version

    def write(self, value: str, ts: int, order: list[str]) -> dict:
        """Send to every home replica that is up (in a sloppy quorum, a stand-in takes each one that is down);
        the first W replies apply it now, slower ones one step later. Fails below W acknowledgements, but the
        replicas that took it keep it: nothing rolls a failed write back."""
        version = {"value": value, "ts": ts}
        targets = [node for node in self.home if self.up[node]]
        stand_ins = {}
        if self.sloppy:
            free = [node for node in self.spare if self.up[node]]
            for node in self.home:
                if not self.up[node] and free:
                    stand_ins[free.pop(0)] = node
        targets += list(stand_ins)
        replies = [node for node in order if node in targets]
        for i, node in enumerate(replies):
            if node in stand_ins:  # a stand-in holds a hint, not a replica: reads never ask it
                held = self.hints[node].get(stand_ins[node])
                if newer(version, held):
                    self.hints[node][stand_ins[node]] = version
            elif i < self.w:
                self._keep(node, version)
            else:
                self.late.append((node, version))
        return {"acks": len(replies), "ok": len(replies) >= self.w, "hinted": sorted(stand_ins)}

    def read(self, order: list[str]) -> dict:
        """Ask the home replicas that are up; the first R replies decide, and the newest of them is returned and
        written back to the repliers that were behind (read repair)."""
        replies = [node for node in order if node in self.home and self.up[node]][: self.r]
        if len(replies) < self.r:
            return {"ok": False, "asked": replies, "version": None}
        best = None
        for node in replies:
            if newer(self.stored[node], best):
                best = self.stored[node]
        for node in replies:
            self._keep(node, best)
        return {"ok": True, "asked": replies, "version": best}

    def set_up(self, node: str, up: bool) -> None:
        self.up[node] = up

    def handoff(self) -> int:
        """Every stand-in that is up delivers its hints to home replicas that are back up; returns how many."""
        delivered = 0
        for holder, hints in self.hints.items():
            for home, version in list(hints.items()):
                if self.up[holder] and self.up[home]:
                    self._keep(home, version)
                    del hints[home]
                    delivered += 1
        return delivered

    def end_step(self) -> None:
        """Slow replicas apply the copies queued in the previous step, if they are up (a down one misses it)."""
        for node, version in self.lagging:
            if self.up[node]:
                self._keep(node, version)
        self.lagging, self.late = self.late, []


def values(versions) -> list:
    return [v["value"] if v else None for v in versions]


NODES = ["A", "B", "C", "D", "E"]

# R + W > N: whatever order the replies come in, a read after an acknowledged write returns it.
for w, r in ((2, 2), (3, 1), (1, 3)):
    for write_order in permutations("ABC"):
        for read_order in permutations("ABC"):
            cluster = Cluster(NODES, n=3, w=w, r=r)
            assert cluster.write("v1", 1000, list(write_order))["ok"]
            cluster.end_step()
            assert cluster.read(list(read_order))["version"]["value"] == "v1"

# R + W <= N: a read right after the write can miss it.
cluster = Cluster(NODES, n=3, w=1, r=1)
cluster.write("v1", 1000, ["A", "B", "C"])
cluster.end_step()
stale = cluster.read(["C", "B", "A"])
print(f"N=3, W=1, R=1: the read asked {stale['asked']} and got {stale['version']}")
assert stale["ok"] and stale["version"] is None
cluster.end_step()  # one step later the slow replicas have it
assert cluster.read(["C"])["version"]["value"] == "v1"

# Last-writer-wins: X's clock runs 500 ms ahead, so its write beats Y's later one, which is acknowledged and lost.
cluster = Cluster(NODES, n=3, w=2, r=2)
x = cluster.write("vX", 2500, ["A", "B", "C"])
y = cluster.write("vY", 2001, ["C", "B", "A"])  # later in real time, earlier by its timestamp
cluster.end_step()
cluster.end_step()
assert x["ok"] and y["ok"]
print(f"LWW after both writes were acknowledged: replicas hold {values(cluster.stored[n] for n in 'ABC')}")
assert values(cluster.stored[n] for n in "ABC") == ["vX", "vX", "vX"]

# Sloppy quorum: A and B are down; stand-ins D and E accept the write with hints, so it counts as W = 2 ...
strict, sloppy = Cluster(NODES, n=3, w=2, r=2), Cluster(NODES, n=3, w=2, r=2, sloppy=True)
for cluster in (strict, sloppy):
    cluster.write("v1", 1000, NODES)
    cluster.end_step()
    cluster.set_up("A", False)
    cluster.set_up("B", False)
assert not strict.write("v2", 2000, NODES)["ok"]  # a strict quorum refuses: only C is up
written = sloppy.write("v2", 2000, ["D", "E", "C"])
sloppy.end_step()
assert written == {"acks": 3, "ok": True, "hinted": ["D", "E"]}
sloppy.set_up("A", True)
sloppy.set_up("B", True)
# ... but R + W > N no longer means overlap: before the handoff, A and B still hold v1.
before = sloppy.read(["A", "B", "C"])
print(f"sloppy quorum, before hinted handoff: a read of A and B returns {before['version']['value']}")
assert before["version"]["value"] == "v1"
assert sloppy.handoff() == 2
assert sloppy.read(["B", "A", "C"])["version"]["value"] == "v2"
