"""Ride sharing: location pings into an in-memory geo index per city, trips in PostgreSQL sharded by city."""

from diagrams import Cluster, Diagram, Edge
from diagrams.onprem.client import Users
from diagrams.onprem.compute import Server
from diagrams.onprem.database import PostgreSQL
from diagrams.onprem.inmemory import Redis
from diagrams.onprem.queue import Kafka

TITLE = "Ride sharing: dispatch and trips reference architecture"
ALT = (
    "Driver apps send a location ping every four seconds to a location service, which updates an in-memory "
    "geo index of available drivers keyed by H3 cell (sharded by coarse H3 region), and publishes the pings to Kafka. Rider "
    "apps request a trip from the trip service, which writes the trip to the PostgreSQL shard for its city and "
    "asks the dispatch service for a match; dispatch reads nearby drivers from the geo index and offers the trip "
    "to one driver. Trip changes flow through Kafka to a history store partitioned by rider, which serves the "
    "trips list."
)

with Diagram(TITLE, direction="LR"):
    drivers = Users("driver apps")
    riders = Users("rider apps")
    with Cluster("real-time path (sharded by H3 region)"):
        location = Server("location service")
        geo = Redis("available drivers\nby H3 cell")
        dispatch = Server("dispatch / matching")
    with Cluster("trip path"):
        trips = Server("trip service")
        trip_db = PostgreSQL("trips DB\n(shard = city)")
    bus = Kafka("location + trip events")
    history = PostgreSQL("trip history\n(partitioned by rider)")

    drivers >> Edge(label="GPS ping every 4 s") >> location
    location >> Edge(label="move driver to cell") >> geo
    location >> Edge(label="pings", style="dashed") >> bus
    riders >> Edge(label="POST /trips (idempotency key)") >> trips
    trips >> Edge(label="insert trip, status changes", color="#c0392b") >> trip_db
    trips >> Edge(label="match request") >> dispatch
    dispatch >> Edge(label="nearby drivers (k-ring)", style="dotted") >> geo
    dispatch >> Edge(label="offer trip (push)", style="bold") >> drivers
    trip_db >> Edge(label="trip events (outbox)", style="dashed") >> bus
    bus >> Edge(label="trip events", style="dashed") >> history
