"""Proximity search: a cell-keyed cache in front of PostGIS replicas, invalidated by place changes."""

from diagrams import Cluster, Diagram, Edge
from diagrams.generic.device import Mobile
from diagrams.onprem.client import Users
from diagrams.onprem.compute import Server
from diagrams.onprem.database import PostgreSQL
from diagrams.onprem.inmemory import Redis
from diagrams.onprem.queue import Kafka

TITLE = "Proximity search (nearby restaurants) reference architecture"
ALT = (
    "Apps call the search service, which snaps each position to an H3 resolution 9 cell and reads cached "
    "candidates from Redis by cell, radius and filters; on a miss it runs a PostGIS ST_DWithin query with a GiST "
    "index on a read replica, caches the candidates for five minutes and ranks them by the user's exact "
    "distance. Owners update places through the places service, which writes to the PostgreSQL primary with an "
    "outbox; a consumer of the change stream deletes the cache entries for the cells around each changed place."
)

with Diagram(TITLE, direction="LR"):
    apps = Mobile("apps")
    owners = Users("restaurant owners")
    with Cluster("read path"):
        search = Server("search service\n(snap to H3 r9)")
        cache = Redis("candidates\nby cell + filters")
        replica = PostgreSQL("PostGIS replicas\n(GiST index)")
    with Cluster("write path"):
        places = Server("places service")
        primary = PostgreSQL("PostGIS primary\n+ outbox")
    changes = Kafka("place changes")
    invalidator = Server("cache invalidator")

    apps >> Edge(label="1. nearby?lat,lng") >> search
    search >> Edge(label="2, 3. GET by cell") >> cache
    search >> Edge(label="4. ST_DWithin on miss", style="dashed") >> replica
    owners >> Edge(label="PATCH place") >> places
    places >> Edge(label="row + outbox", color="#c0392b") >> primary
    primary >> Edge(label="replication", style="dotted") >> replica
    primary >> Edge(label="outbox relay", style="dashed") >> changes
    changes >> invalidator
    invalidator >> Edge(label="delete cells' keys", style="dashed") >> cache
