"""The search index as a derived store: PostgreSQL is the source of truth, CDC feeds Elasticsearch."""

from diagrams import Cluster, Diagram, Edge
from diagrams.elastic.elasticsearch import Elasticsearch
from diagrams.onprem.compute import Server
from diagrams.onprem.database import Postgresql
from diagrams.onprem.queue import Kafka

TITLE = "Search index fed by change data capture"
ALT = (
    "The application writes products to PostgreSQL, the source of truth. Debezium reads the write-ahead log and "
    "publishes each committed change to a Kafka topic keyed by product id; an indexer consumes it and upserts "
    "documents into Elasticsearch using the log position as an external version. Search requests go to "
    "Elasticsearch, which returns ids; the application loads the authoritative rows from PostgreSQL."
)

with Diagram(TITLE, direction="LR", graph_attr={"splines": "spline", "nodesep": "0.6", "ranksep": "1.1"}):
    app = Server("application")
    pg = Postgresql("PostgreSQL\n(source of truth)")
    with Cluster("derivation pipeline"):
        cdc = Server("Debezium\n(reads WAL)")
        topic = Kafka("products.changes")
        indexer = Server("indexer")
    es = Elasticsearch("search index")
    app >> Edge(label="writes (transactions)", color="#c0392b") >> pg
    pg >> Edge(label="WAL / logical decoding") >> cdc
    cdc >> Edge(label="change events keyed by id") >> topic
    topic >> Edge(label="consume in order per id") >> indexer
    indexer >> Edge(label="upsert, version = LSN") >> es
    app >> Edge(label="search queries -> ids", style="dashed") >> es
