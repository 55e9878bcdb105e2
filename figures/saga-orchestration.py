"""Orchestrated saga: one orchestrator drives local transactions in three services and their compensations."""

from diagrams import Cluster, Diagram, Edge
from diagrams.onprem.client import Users
from diagrams.onprem.compute import Server
from diagrams.onprem.database import PostgreSQL
from diagrams.onprem.queue import Kafka

TITLE = "Orchestrated saga for placing an order"
ALT = (
    "A client places an order with the saga orchestrator, which records each step in its saga-state table and "
    "sends commands over a message broker: create the order as PENDING, authorize the payment, reserve stock. "
    "Each service commits a local transaction in its own database and replies. If a step fails, the orchestrator "
    "sends compensating commands (void the authorization, cancel the order) in reverse order."
)

with Diagram(TITLE, direction="LR", graph_attr={"nodesep": "0.7", "ranksep": "1.2"}):
    client = Users("client")
    with Cluster("orchestrator"):
        orchestrator = Server("saga orchestrator")
        saga_db = PostgreSQL("saga state + outbox")
    broker = Kafka("commands and replies")
    with Cluster("order service"):
        orders = Server("orders")
        orders_db = PostgreSQL("orders db")
    with Cluster("payment service"):
        payments = Server("payments")
        payments_db = PostgreSQL("payments db")
    with Cluster("inventory service"):
        inventory = Server("inventory")
        inventory_db = PostgreSQL("inventory db")

    client >> Edge(label="place order") >> orchestrator
    orchestrator >> Edge(label="step, state") >> saga_db
    orchestrator >> Edge(label="commands out (idempotent),\nreplies back", dir="both") >> broker
    broker >> Edge(label="1. create PENDING\ncompensate: cancel") >> orders
    broker >> Edge(label="2. authorize\ncompensate: void") >> payments
    broker >> Edge(label="3. reserve stock\n(fails: out of stock)", color="#c0392b") >> inventory
    orders >> Edge(label="local tx") >> orders_db
    payments >> Edge(label="local tx") >> payments_db
    inventory >> Edge(label="local tx") >> inventory_db
