"""Publish/subscribe: one event, a copy for every subscribing service, each with its own queue."""

from diagrams import Cluster, Diagram, Edge
from diagrams.onprem.compute import Server
from diagrams.onprem.queue import RabbitMQ

TITLE = "Publish/subscribe fan-out"
ALT = (
    "The order service publishes one OrderPlaced event to a fanout exchange, which copies it into three queues, "
    "one per subscriber: the email, analytics and search services each receive their own copy and consume at "
    "their own pace."
)

with Diagram(TITLE, direction="LR", graph_attr={"pad": "0.3", "splines": "spline", "nodesep": "0.5", "ranksep": "1.3"}):
    publisher = Server("order service")
    with Cluster("broker"):
        exchange = RabbitMQ("fanout exchange: orders")
        q_email = RabbitMQ("queue: email")
        q_analytics = RabbitMQ("queue: analytics")
        q_search = RabbitMQ("queue: search")
    with Cluster("subscribers"):
        email = Server("email service")
        analytics = Server("analytics")
        search = Server("search indexer")
    publisher >> Edge(label="OrderPlaced (once)") >> exchange
    exchange >> Edge(label="copy") >> q_email >> Edge(label="consume") >> email
    exchange >> Edge(label="copy") >> q_analytics >> Edge(label="consume") >> analytics
    exchange >> Edge(label="copy") >> q_search >> Edge(label="consume") >> search
