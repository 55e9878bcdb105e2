"""Redis Cluster: 16,384 hash slots split over three primaries, each with an asynchronous replica."""

from diagrams import Cluster, Diagram, Edge
from diagrams.onprem.compute import Server
from diagrams.onprem.inmemory import Redis

TITLE = "Redis Cluster hash slots"
ALT = (
    "A cluster-aware client computes CRC16 of the key modulo 16,384 and sends the command to the primary that "
    "owns that slot: primary A owns slots 0 to 5460, B owns 5461 to 10922, C owns 10923 to 16383. Each primary "
    "replicates asynchronously to its own replica; a client that reaches the wrong node gets a MOVED "
    "redirection to the owner."
)

with Diagram(TITLE, direction="LR", graph_attr={"splines": "spline", "nodesep": "0.6", "ranksep": "1.3"}):
    client = Server("client\nslot = CRC16(key) mod 16384")
    with Cluster("shard A: slots 0-5460"):
        a = Redis("primary A")
        a_replica = Redis("replica A'")
    with Cluster("shard B: slots 5461-10922"):
        b = Redis("primary B")
        b_replica = Redis("replica B'")
    with Cluster("shard C: slots 10923-16383"):
        c = Redis("primary C")
        c_replica = Redis("replica C'")
    client >> Edge(label="GET user:42 (slot owned by B)", color="#c0392b") >> b
    client >> Edge(label="SET order:7 (slot owned by C)", color="#c0392b") >> c
    client >> Edge(label="wrong node: MOVED reply", style="dashed") >> a
    a >> Edge(label="async replication") >> a_replica
    b >> Edge(label="async replication") >> b_replica
    c >> Edge(label="async replication") >> c_replica
