"""Leader-follower replication: writes to one node, a WAL stream to the followers, reads anywhere."""

from diagrams import Cluster, Diagram, Edge
from diagrams.onprem.client import Users
from diagrams.onprem.database import PostgreSQL
from diagrams.onprem.network import Haproxy

TITLE = "Leader-follower replication"
ALT = (
    "Clients send writes through a proxy to the leader, which streams its write-ahead log to two followers "
    "(one synchronous, one asynchronous); reads are spread over both followers, and the asynchronous one "
    "may return stale data."
)

with Diagram(TITLE, direction="LR", graph_attr={"splines": "spline", "nodesep": "0.8"}):
    clients = Users("clients")
    proxy = Haproxy("proxy")
    with Cluster("replica set"):
        leader = PostgreSQL("leader")
        sync_follower = PostgreSQL("sync follower")
        async_follower = PostgreSQL("async follower")
    clients >> Edge(label="reads + writes") >> proxy
    proxy >> Edge(label="writes", color="#c0392b") >> leader
    leader >> Edge(label="WAL stream (sync)", style="bold") >> sync_follower
    leader >> Edge(label="WAL stream (async, may lag)", style="dashed") >> async_follower
    proxy >> Edge(label="reads", style="dotted") >> sync_follower
    proxy >> Edge(label="reads (may be stale)", style="dotted") >> async_follower
