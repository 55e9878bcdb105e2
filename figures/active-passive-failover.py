"""Active-passive failover for PostgreSQL: a leader lease in a consensus store decides who may take writes."""

from diagrams import Cluster, Diagram, Edge
from diagrams.onprem.client import Users
from diagrams.onprem.database import PostgreSQL
from diagrams.onprem.network import Etcd, Haproxy

TITLE = "Active-passive failover with a leader lease and fencing"
ALT = (
    "Clients write through HAProxy to the primary PostgreSQL in zone A, which streams its WAL to a standby in "
    "zone B. The primary's agent renews a leader lease in a three-node etcd cluster; when the lease expires the "
    "standby's agent takes it and promotes the standby, HAProxy's health check moves writes to it, and the old "
    "primary is fenced so it can no longer accept writes."
)

# The zones stand far enough apart for the "WAL stream" label between them, also on a phone (NARROW, set by the
# figure runner, whose spacing is tighter).
with Diagram(TITLE, direction="TB", graph_attr={"nodesep": "3.2" if NARROW else "1.6", "ranksep": "1.0"}):  # noqa: F821
    clients = Users("clients")
    proxy = Haproxy("HAProxy\n(health check: /primary)")
    with Cluster("zone A"):
        primary = PostgreSQL("primary (active)")
    with Cluster("zone B"):
        standby = PostgreSQL("standby (passive)")
    with Cluster("consensus store"):
        lease = Etcd("etcd x3: leader key, TTL 30 s")

    clients >> Edge(label="reads + writes") >> proxy
    proxy >> Edge(label="writes before failover", color="#2e7d32", style="bold") >> primary
    proxy >> Edge(label="writes after failover", color="#1565c0", style="dashed") >> standby
    primary >> Edge(xlabel="WAL stream", constraint="false") >> standby
    primary >> Edge(label="renews lease every 10 s", style="dotted") >> lease
    standby >> Edge(label="takes lease on expiry,\nthen promotes", style="dotted") >> lease
    (
        primary
        << Edge(
            label="fencing: lease lost, old primary\ndemotes itself or is powered off", color="#c0392b", style="dashed"
        )
        << lease
    )
