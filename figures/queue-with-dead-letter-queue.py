"""A queue with a dead-letter queue: after maxReceiveCount failed receives a message is moved aside."""

from diagrams import Cluster, Diagram, Edge
from diagrams.aws.integration import SimpleQueueServiceSqsQueue
from diagrams.onprem.client import User
from diagrams.onprem.compute import Server
from diagrams.onprem.monitoring import Prometheus

TITLE = "Queue with a dead-letter queue"
ALT = (
    "Two producers send messages to an SQS queue read by a consumer group of three workers. A message whose "
    "processing keeps failing is received again after each visibility timeout; once its receive count passes "
    "maxReceiveCount (5), SQS moves it to the dead-letter queue, which raises an alarm. An operator inspects it "
    "and redrives it to the source queue after the fix."
)

with Diagram(TITLE, direction="LR", graph_attr={"pad": "0.3", "splines": "spline", "nodesep": "0.6", "ranksep": "1.3"}):
    with Cluster("producers"):
        producers = [Server("orders-api"), Server("billing-api")]
    queue = SimpleQueueServiceSqsQueue("source queue\nvisibility timeout 60 s")
    with Cluster("consumer group"):
        workers = [Server("worker-1"), Server("worker-2"), Server("worker-3")]
    dlq = SimpleQueueServiceSqsQueue("dead-letter queue\nretention 14 days")
    alarm = Prometheus("alert: DLQ depth > 0")
    operator = User("on-call")
    # Each call is labelled once, not on every copy of the edge: the copies made the figure too wide for a phone.
    producers[0] >> Edge(label="SendMessage") >> queue
    producers[1] >> queue
    queue >> Edge(label="ReceiveMessage") >> workers[1]
    queue >> [workers[0], workers[2]]
    workers[0] >> Edge(label="DeleteMessage on success", style="dashed", color="#2e7d32") >> queue
    queue >> Edge(label="receive count > maxReceiveCount (5)\n(redrive policy)", color="#c62828") >> dlq
    dlq >> Edge(label="depth metric") >> alarm >> Edge(label="page") >> operator
    operator >> Edge(label="inspect, fix, redrive", style="dotted") >> dlq
