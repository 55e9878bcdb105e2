"""Leaderless replication with quorums: N=3 replicas, a write needs W=2 acks, a read asks R=2 replicas."""

from diagrams import Cluster, Diagram, Edge
from diagrams.onprem.client import Client
from diagrams.onprem.database import Cassandra

TITLE = "Leaderless replication with a quorum (N=3, W=2, R=2)"
ALT = (
    "A client sends a write through a coordinator to all three replicas of a key and succeeds after two "
    "acknowledgements (A and B); replica C missed it. A later read asks two replicas, A and C, so at least one "
    "of them holds the new version v2; the coordinator returns v2 and repairs C with it."
)

with Diagram(TITLE, direction="LR", graph_attr={"splines": "spline"}):
    client = Client("client")
    coordinator = Cassandra("coordinator node")
    with Cluster("the key's 3 replicas (N=3)"):
        r1 = Cassandra("replica A: v2")
        r2 = Cassandra("replica B: v2")
        r3 = Cassandra("replica C: v1 (missed the write)")
    client >> Edge(label="write v2, later read") >> coordinator
    coordinator >> Edge(label="write v2: ack 1 of W=2\nread: returns v2", color="#c0392b") >> r1
    coordinator >> Edge(label="write v2: ack 2 of W=2", color="#c0392b") >> r2
    (
        coordinator
        >> Edge(label="write v2: dropped\nread: returns v1, stale\nread repair: writes v2", style="dashed")
        >> r3
    )
