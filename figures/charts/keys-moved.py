"""Keys that move when a node joins: hash mod N vs the hash ring with virtual nodes of
examples/python/consistent_hash_ring.py (its HashRing and ring_position, its key names)."""

from handbook.charts import theme
from handbook.charts.sources import example

ring_example = example("consistent_hash_ring")
HashRing, ring_position = ring_example.HashRing, ring_example.ring_position
keys = ring_example.keys[:20_000]  # a fifth of the example's keys: the shares agree within a percent
sizes = list(range(2, 16))


def owners(nodes: int) -> list[str]:
    ring = HashRing([f"cache-{i}" for i in range(nodes)], vnodes=ring_example.ring.vnodes)
    return [ring.node_for(k) for k in keys]


# A ring of N + 1 nodes is the ring of N after cache-N joins: each size's owners are computed once.
placed = {n: owners(n) for n in [*sizes, sizes[-1] + 1]}
positions = [ring_position(k) for k in keys]


def moved_by_ring(nodes: int) -> float:
    return sum(b != a for b, a in zip(placed[nodes], placed[nodes + 1], strict=True)) / len(keys)


def moved_by_modulo(nodes: int) -> float:
    return sum(p % nodes != p % (nodes + 1) for p in positions) / len(keys)


ring_share = [moved_by_ring(n) for n in sizes]
modulo_share = [moved_by_modulo(n) for n in sizes]
at_ten = sizes.index(10)

TITLE = "Keys moved when a node joins: hash mod N vs a hash ring"
ALT = (
    f"Share of {len(keys):,} keys that change node when one node joins a cluster of {sizes[0]} to {sizes[-1]} nodes. "
    f"With hash mod N it is {modulo_share[0]:.0%} at {sizes[0]} nodes, rising to {modulo_share[-1]:.0%} at "
    f"{sizes[-1]}, about N/(N+1); with a hash ring of {ring_example.ring.vnodes} virtual nodes per node it is "
    f"about 1/(N+1): {ring_share[0]:.0%} at {sizes[0]} nodes, {ring_share[at_ten]:.1%} from 10 to 11, "
    f"{ring_share[-1]:.1%} at {sizes[-1]}."
)
CAPTION = (
    f"Going from 10 to 11 nodes moves {modulo_share[at_ten]:.0%} of the keys with mod N and "
    f"{ring_share[at_ten]:.1%} with the ring: only the new node's share, the minimum possible."
)

fig, ax = theme.figure(300)
ax.plot(sizes, [100 * s for s in modulo_share], "o-", color=theme.ORANGE, label="hash mod N")
ax.plot(sizes, [100 * s for s in ring_share], "s-", color=theme.BLUE, label=f"ring, {ring_example.ring.vnodes} vnodes")
ax.plot(sizes, [100 / (n + 1) for n in sizes], ":", color=theme.MUTED, label="ideal 1/(N+1)")
ax.set_ylim(0, 100)
ax.set_yticks([0, 25, 50, 75, 100], ["0%", "25%", "50%", "75%", "100%"])
ax.set_xticks(sizes[::2])
ax.set_xlabel("Nodes before one more joins (N)")
ax.set_ylabel("Keys that move")
ax.legend(loc="center right")
