"""Distributed cache: app servers with a client library and a small local cache, a sharded Redis Cluster, CDC invalidation."""

from diagrams import Cluster, Diagram, Edge
from diagrams.onprem.compute import Server
from diagrams.onprem.database import PostgreSQL
from diagrams.onprem.inmemory import Redis
from diagrams.onprem.queue import Kafka

TITLE = "Distributed cache reference architecture"
ALT = (
    "Application servers embed a cache client with a slot map and a small in-process cache for the hottest "
    "keys. The client hashes each key to one of 16,384 slots and sends the request to the Redis Cluster "
    "primary that owns the slot; each primary has a replica. On a miss the application reads PostgreSQL and "
    "fills the cache. Database changes flow through change data capture into Kafka, and an invalidator "
    "deletes the changed keys from the cache."
)

with Diagram(TITLE, direction="LR"):
    app = Server("app + client\n(slot map, L1 cache)")
    with Cluster("Redis Cluster: 16,384 slots"):
        p1 = Redis("primary\nslots 0-5460")
        p2 = Redis("primary\nslots 5461-10922")
        r1 = Redis("replica")
    db = PostgreSQL("source of truth")
    cdc = Kafka("row changes\n(CDC)")
    invalidator = Server("invalidator")

    app >> Edge(label="1. GET by slot,\n3. SET + TTL on a miss") >> p1
    app >> Edge(style="dotted") >> p2
    p1 >> Edge(label="async replication", style="dashed") >> r1
    app >> Edge(label="2. read on a miss") >> db
    db >> Edge(label="4. commit log") >> cdc >> invalidator
    invalidator >> Edge(label="5. DEL key", color="#c0392b") >> p2
