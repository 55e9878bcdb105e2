"""Kafka: a topic split into partitions; each consumer group reads every partition, one consumer per partition."""

from diagrams import Cluster, Diagram, Edge
from diagrams.onprem.compute import Server
from diagrams.onprem.queue import Kafka

TITLE = "Kafka topic partitions and consumer groups"
ALT = (
    "A producer writes records keyed by order id to topic orders; the key's hash picks one of four partitions, "
    "p0 to p3. Consumer group billing has three consumers: billing-1 reads p0 and p1, billing-2 reads p2, "
    "billing-3 reads p3. Consumer group analytics has one consumer reading all four partitions, independently of "
    "billing and at its own offsets."
)

with Diagram(TITLE, direction="TB", graph_attr={"pad": "0.3", "splines": "spline", "nodesep": "0.5", "ranksep": "1.1"}):
    producer = Server("producer (checkout)")
    with Cluster("topic: orders (4 partitions, each an ordered log)"):
        partitions = [Kafka("p0"), Kafka("p1"), Kafka("p2"), Kafka("p3")]
    with Cluster("consumer group: billing"):
        billing = [Server("billing-1"), Server("billing-2"), Server("billing-3")]
    with Cluster("consumer group: analytics"):
        analytics = Server("analytics-1")
    producer >> Edge(label="records keyed by order_id\npartition = hash(key) mod 4") >> partitions[0]
    for partition in partitions[1:]:
        producer >> Edge() >> partition
    partitions[0] >> Edge(label="p0, p1", color="#1565c0") >> billing[0]
    partitions[1] >> Edge(color="#1565c0") >> billing[0]
    partitions[2] >> Edge(label="p2", color="#1565c0") >> billing[1]
    partitions[3] >> Edge(label="p3", color="#1565c0") >> billing[2]
    for partition in partitions:
        partition >> Edge(color="#e65100", style="dashed") >> analytics
