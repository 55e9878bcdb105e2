"""Transactional outbox relayed by change data capture: the row and the event commit together."""

from diagrams import Cluster, Diagram, Edge
from diagrams.onprem.client import Users
from diagrams.onprem.compute import Server
from diagrams.onprem.database import PostgreSQL
from diagrams.onprem.queue import Kafka

TITLE = "Transactional outbox with CDC (Debezium)"
ALT = (
    "The order service writes the order row and an outbox row in one PostgreSQL transaction. Debezium, running in "
    "Kafka Connect, reads the committed changes from the write-ahead log through a logical replication slot and "
    "publishes the outbox rows as events to a Kafka topic, where the shipping and email services consume them."
)

with Diagram(TITLE, direction="LR", graph_attr={"pad": "0.3", "splines": "spline", "nodesep": "0.6", "ranksep": "1.2"}):
    clients = Users("clients")
    with Cluster("order service boundary"):
        service = Server("order service")
        db = PostgreSQL("PostgreSQL\norders + outbox tables")
    with Cluster("Kafka Connect"):
        debezium = Server("Debezium\nPostgres connector")
    topic = Kafka("topic: order-events")
    with Cluster("downstream consumers"):
        consumers = [Server("shipping"), Server("email")]
    clients >> Edge(label="POST /orders") >> service
    service >> Edge(label="BEGIN; INSERT order;\nINSERT outbox; COMMIT") >> db
    db >> Edge(label="WAL via logical\nreplication slot (pgoutput)", color="#1565c0") >> debezium
    debezium >> Edge(label="OrderPlaced events\n(key = order id)") >> topic
    topic >> Edge(label="consume, dedupe") >> consumers
