"""Webhook delivery: outbox to Kafka, fan-out into per-endpoint queues, capped dispatchers behind an egress proxy."""

from diagrams import Cluster, Diagram, Edge
from diagrams.onprem.client import Users
from diagrams.onprem.compute import Server
from diagrams.onprem.database import Cassandra, PostgreSQL
from diagrams.onprem.inmemory import Redis
from diagrams.onprem.network import Envoy
from diagrams.onprem.queue import Kafka

TITLE = "Webhook delivery reference architecture"
ALT = (
    "Producing services commit each event to an outbox table in their own PostgreSQL database, and a relay "
    "publishes it to Kafka. The fan-out service looks up subscribed endpoints and adds one delivery per "
    "endpoint to per-endpoint queues in Redis, ordered by due time. Dispatchers take due deliveries from "
    "endpoints with free concurrency slots and a closed circuit breaker, sign them with HMAC-SHA256 and POST "
    "them through an egress proxy that refuses internal addresses. Every attempt is written to an attempts "
    "store in Cassandra for the customer dashboard; failures are rescheduled with backoff."
)

with Diagram(TITLE, direction="LR"):
    with Cluster("producers"):
        producer = Server("payments service")
        outbox = PostgreSQL("outbox table")
    bus = Kafka("events")
    fanout = Server("fan-out")
    with Cluster("delivery"):
        queues = Redis("queue per endpoint\n(due time)")
        dispatch = Server("dispatchers\n(cap, breaker)")
    attempts = Cassandra("attempts\n(TTL 30 days)")
    proxy = Envoy("egress proxy\n(no private IPs)")
    customers = Users("customer endpoints")

    producer >> Edge(label="1. change + outbox row", color="#c0392b") >> outbox
    outbox >> Edge(label="2. relay") >> bus
    bus >> fanout
    fanout >> Edge(label="3. one per endpoint") >> queues
    queues >> Edge(label="due, slot free") >> dispatch
    dispatch >> Edge(label="4, 5. signed POST") >> proxy
    proxy >> customers
    dispatch >> Edge(label="6, 7. record, reschedule", style="dashed") >> attempts
