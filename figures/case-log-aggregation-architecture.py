"""Log aggregation: agents on every host, Kafka as the buffer, indexers, a tiered search cluster and an archive."""

from diagrams import Cluster, Diagram, Edge
from diagrams.aws.storage import S3
from diagrams.elastic.elasticsearch import Elasticsearch, Kibana
from diagrams.onprem.compute import Server
from diagrams.onprem.logging import Fluentbit
from diagrams.onprem.queue import Kafka

TITLE = "Log aggregation and search reference architecture"
ALT = (
    "An agent on every host tails log files and container output, parses and redacts them, buffers to disk "
    "and produces to Kafka. Indexer consumers read Kafka in batches and bulk-index into hot Elasticsearch "
    "nodes, with a deterministic document id so replays do not duplicate. Index lifecycle management rolls "
    "indices over and moves them to warm nodes and then to snapshots in object storage; a separate consumer "
    "archives raw logs to object storage. Engineers search through Kibana."
)

with Diagram(TITLE, direction="LR"):
    agent = Fluentbit("agent per host\n(parse, redact, buffer)")
    kafka = Kafka("Kafka\n(3 days, RF 3)")
    indexer = Server("indexers\n(bulk, doc id)")
    with Cluster("search cluster"):
        hot = Elasticsearch("hot: 7 days")
        warm = Elasticsearch("warm: 30 days")
    archive = S3("archive,\nsnapshots: 1 year")
    ui = Kibana("search UI")

    agent >> Edge(label="1. produce") >> kafka
    kafka >> Edge(label="2. consume") >> indexer
    indexer >> Edge(label="3. bulk index") >> hot
    hot >> Edge(label="4. roll over,\nmove", style="dashed") >> warm
    warm >> Edge(label="5. snapshot", style="dashed") >> archive
    kafka >> Edge(label="raw copy", style="dotted") >> archive
    ui >> Edge(label="6. search", color="#c0392b") >> hot
