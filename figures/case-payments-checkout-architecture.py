"""Payments checkout: idempotent API, orchestrated saga, transactional outbox, PSP webhooks, reconciliation."""

from diagrams import Cluster, Diagram, Edge
from diagrams.onprem.client import Users
from diagrams.onprem.compute import Server
from diagrams.onprem.database import PostgreSQL
from diagrams.onprem.queue import Kafka
from diagrams.onprem.workflow import Airflow
from diagrams.saas.payment import Stripe

TITLE = "Payments checkout: reference architecture"
ALT = (
    "The client posts the checkout with an idempotency key to the checkout API, which records the key, the order "
    "and the saga state in PostgreSQL in one transaction together with an outbox row. The saga orchestrator "
    "reserves inventory and calls the payment service provider with an idempotency key derived from the payment "
    "attempt; the provider's webhooks confirm outcomes. An outbox relay publishes committed events to Kafka for "
    "inventory, fulfilment, email and the ledger. A daily reconciliation job compares the provider's settlement "
    "report with the ledger."
)

with Diagram(TITLE, direction="LR"):
    client = Users("shoppers")
    with Cluster("checkout service"):
        api = Server("checkout API")
        orchestrator = Server("saga orchestrator")
        db = PostgreSQL("orders, payments,\nidempotency keys,\noutbox")
        relay = Server("outbox relay (CDC)")
    psp = Stripe("payment provider")
    events = Kafka("order events")
    with Cluster("downstream consumers"):
        inventory = Server("inventory")
        fulfilment = Server("fulfilment + email")
        ledger = PostgreSQL("ledger\n(double entry)")
    recon = Airflow("daily reconciliation")

    client >> Edge(label="POST /checkouts + Idempotency-Key") >> api
    api >> Edge(label="one transaction") >> db
    api >> Edge(label="start saga") >> orchestrator
    orchestrator >> Edge(label="reserve / release") >> inventory
    orchestrator >> Edge(label="authorize, capture, void\n(idempotency key per attempt)") >> psp
    psp >> Edge(label="webhooks (signed)", style="dashed") >> api
    orchestrator >> Edge(label="state + outbox row") >> db
    db >> Edge(label="WAL", style="dotted") >> relay
    relay >> Edge(label="events") >> events
    events >> [fulfilment, ledger]
    psp >> Edge(label="settlement report", style="dashed") >> recon
    recon >> Edge(label="match, flag breaks", style="dotted") >> ledger
