"""Work queue: competing consumers share one queue; each message goes to exactly one worker."""

from diagrams import Cluster, Diagram, Edge
from diagrams.onprem.compute import Server
from diagrams.onprem.queue import RabbitMQ

TITLE = "Work queue with competing consumers"
ALT = (
    "Two API servers publish jobs to one RabbitMQ queue; three workers in a pool compete for them, each job is "
    "delivered to exactly one worker, which acknowledges it after processing so the broker can delete it."
)

with Diagram(TITLE, direction="LR", graph_attr={"pad": "0.3", "splines": "spline", "nodesep": "0.6", "ranksep": "1.4"}):
    with Cluster("producers"):
        producers = [Server("api-1"), Server("api-2")]
    queue = RabbitMQ("queue: resize-images")
    with Cluster("worker pool (competing consumers)"):
        workers = [Server("worker-1"), Server("worker-2"), Server("worker-3")]
    # Labelled once: two copies of the label side by side ran together.
    producers[0] >> Edge(label="publish jobs") >> queue
    producers[1] >> queue
    queue >> Edge(label="job A") >> workers[0]
    queue >> Edge(label="job B") >> workers[1]
    queue >> Edge(label="job C") >> workers[2]
    workers[1] >> Edge(label="ack after processing", style="dashed", color="#2e7d32") >> queue
