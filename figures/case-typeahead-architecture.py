"""Typeahead: tries with top-K per node served from memory, built offline from search logs, plus a trending overlay."""

from diagrams import Cluster, Diagram, Edge
from diagrams.aws.network import CloudFront
from diagrams.aws.storage import S3
from diagrams.onprem.client import Users
from diagrams.onprem.compute import Server
from diagrams.onprem.inmemory import Redis
from diagrams.onprem.queue import Kafka

TITLE = "Typeahead reference architecture"
ALT = (
    "Browsers send debounced prefixes through a CDN to the suggest service, whose replicas hold a trie per "
    "locale in memory with the top ten completions at each node, and merge a trending overlay. Completed "
    "searches go to Kafka; an hourly batch job keeps decayed counts and a builder writes trie snapshots to "
    "object storage, which replicas load and swap. A streaming job counts the last fifteen minutes for the "
    "trending overlay, and a Redis store keeps each user's recent searches for personal suggestions."
)

with Diagram(TITLE, direction="LR"):
    users = Users("browsers")
    cdn = CloudFront("CDN\n(max-age 60 s)")
    with Cluster("serving"):
        suggest = Server("suggest replicas\n(trie in memory)")
        personal = Redis("recent searches\nper user")
    log = Kafka("search log")
    with Cluster("build"):
        batch = Server("hourly batch +\ntrie builder")
        stream = Server("trending stream")
    snapshots = S3("trie snapshots")

    users >> Edge(label="GET /suggest?q=") >> cdn
    cdn >> Edge(label="miss") >> suggest
    suggest >> Edge(label="personal call", style="dashed") >> personal
    users >> Edge(label="searches", style="dotted") >> log
    log >> Edge(label="1, 2.") >> batch
    log >> Edge(label="5.") >> stream
    batch >> Edge(label="3. snapshot") >> snapshots
    snapshots >> Edge(label="4. load, swap") >> suggest
    stream >> Edge(label="6. overlay", style="dashed") >> suggest
