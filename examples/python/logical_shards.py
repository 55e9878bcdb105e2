"""Fixed logical shards: keys hash onto many more shards than nodes, and a small map says which node holds each
shard. Adding a node moves whole shards to it and never changes a key's shard; compare hash mod N."""

import hashlib
from collections import Counter


def position(key: str) -> int:
    """The key's 64-bit hash: the first 8 bytes of its MD5, as in consistent_hash_ring.py."""
    return int.from_bytes(hashlib.md5(key.encode()).digest()[:8], "big")


class LogicalShards:
    def __init__(self, shards: int, nodes: int):
        self.shards = shards
        self.nodes = nodes
        self.owner = [shard % nodes for shard in range(shards)]  # the shard map: shard -> node, round robin

    def shard_for(self, key: str) -> int:
        return position(key) % self.shards  # fixed for ever: only the map changes

    def node_for(self, key: str) -> int:
        return self.owner[self.shard_for(key)]

    def add_node(self) -> list[int]:
        """Node number `nodes` joins and takes whole shards, one at a time from the node holding the most (the
        lowest-numbered on a tie, its highest-numbered shard), until it holds its share: shards // nodes."""
        new = self.nodes
        self.nodes += 1
        counts = Counter(self.owner)
        moved = []
        for _ in range(self.shards // self.nodes):
            donor = max(range(new), key=lambda node: (counts[node], -node))
            shard = max(s for s, node in enumerate(self.owner) if node == donor)
            self.owner[shard] = new
            counts[donor] -= 1
            counts[new] += 1
            moved.append(shard)
        return moved


keys = [f"user:{i}" for i in range(100_000)]
shards = LogicalShards(shards=1024, nodes=10)
before = [shards.node_for(k) for k in keys]
moved_shards = shards.add_node()  # the 11th node joins
after = [shards.node_for(k) for k in keys]
moved = sum(b != a for b, a in zip(before, after, strict=True)) / len(keys)
print(f"1,024 logical shards, 10 -> 11 nodes: {len(moved_shards)} shards and {moved:.1%} of keys moved")
assert all(a == 10 for b, a in zip(before, after, strict=True) if b != a)  # only to the new node
assert abs(moved - 1 / 11) < 0.01
held = Counter(shards.owner).values()
assert max(held) - min(held) <= 1  # still balanced: every node holds 93 or 94 shards

modulo = sum(position(k) % 10 != position(k) % 11 for k in keys) / len(keys)
print(f"hash mod N, 10 -> 11 nodes: {modulo:.1%} of keys moved")
assert modulo > 0.85

few = LogicalShards(shards=16, nodes=10)  # too few shards: a new node can take only 16 // 11 = 1 of them
few.add_node()
print(
    f"16 logical shards on 11 nodes: from {min(Counter(few.owner).values())} to {max(Counter(few.owner).values())} per node"
)
assert max(Counter(few.owner).values()) == 2 * min(Counter(few.owner).values())
