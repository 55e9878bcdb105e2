"""Metrics and monitoring: scrape, distribute by series, replicated ingesters, object-storage blocks, downsampling, rules, alerts."""

from diagrams import Cluster, Diagram, Edge
from diagrams.aws.storage import S3
from diagrams.onprem.compute import Server
from diagrams.onprem.monitoring import Grafana, Prometheus

TITLE = "Metrics and monitoring reference architecture"
ALT = (
    "Agents next to the services scrape their metrics every 15 seconds and remote-write the samples to a "
    "distributor, which hashes each series to three ingesters. Ingesters keep recent samples in memory with a "
    "write-ahead log and upload two-hour blocks to object storage, where a compactor merges blocks and writes "
    "5-minute and 1-hour downsampled copies. A querier reads ingesters and blocks for dashboards; a rule "
    "evaluator runs alert rules and sends firing alerts to Alertmanager, which groups, silences and routes "
    "them to the on-call pager."
)

with Diagram(TITLE, direction="LR"):
    agent = Prometheus("agents\n(scrape 15 s)")
    distributor = Server("distributor")
    with Cluster("ingesters (RF 3)"):
        ingesters = Server("memory + WAL")
    blocks = S3("2 h blocks,\n5 m and 1 h copies")
    compactor = Server("compactor,\ndownsampler")
    querier = Grafana("queries,\ndashboards")
    rules = Server("rules ->\nAlertmanager")

    agent >> Edge(label="1. remote write") >> distributor
    distributor >> Edge(label="2. by series hash") >> ingesters
    ingesters >> Edge(label="3. upload block") >> blocks
    compactor >> Edge(label="4. compact,\ndownsample", style="dashed") >> blocks
    querier >> Edge(label="5. recent + old") >> ingesters
    querier >> Edge(style="dotted") >> blocks
    rules >> Edge(label="6. evaluate", color="#c0392b") >> querier
