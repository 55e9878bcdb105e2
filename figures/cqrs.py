"""CQRS: commands go to a write model; events feed read models that serve queries."""

from diagrams import Cluster, Diagram, Edge
from diagrams.elastic.elasticsearch import Elasticsearch
from diagrams.onprem.client import Users
from diagrams.onprem.compute import Server
from diagrams.onprem.database import PostgreSQL
from diagrams.onprem.inmemory import Redis
from diagrams.onprem.queue import Kafka

TITLE = "CQRS: separate write and read models"
ALT = (
    "Clients send commands to a command service that validates them against the normalized write model in "
    "PostgreSQL and emits events to Kafka. Projectors consume the events and update two read models, a search "
    "index in Elasticsearch and precomputed views in Redis, which a query service reads; the read side lags the "
    "write side by the projection delay."
)

with Diagram(TITLE, direction="LR", graph_attr={"pad": "0.3", "splines": "spline", "nodesep": "0.6", "ranksep": "1.2"}):
    clients = Users("clients")
    with Cluster("write side"):
        commands = Server("command service")
        write_db = PostgreSQL("write model\n(normalized)")
    events = Kafka("events")
    with Cluster("read side"):
        projector = Server("projectors")
        search = Elasticsearch("search view")
        views = Redis("order summary view")
        queries = Server("query service")
    clients >> Edge(label="commands (PlaceOrder)", color="#c62828") >> commands
    commands >> Edge(label="transaction") >> write_db
    write_db >> Edge(label="events (outbox/CDC)") >> events
    events >> Edge(label="consume") >> projector
    projector >> Edge(label="upsert") >> [search, views]
    queries >> Edge(label="read", style="dashed") >> [search, views]
    clients >> Edge(label="queries", color="#1565c0", style="dashed") >> queries
