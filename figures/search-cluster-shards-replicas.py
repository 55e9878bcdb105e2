"""An Elasticsearch/OpenSearch index of three primary shards with one replica each, spread over three nodes."""

from diagrams import Cluster, Diagram, Edge
from diagrams.elastic.elasticsearch import Elasticsearch
from diagrams.onprem.compute import Server

TITLE = "Shards and replicas across an Elasticsearch cluster"
ALT = (
    "An index with three primary shards (P0, P1, P2) and one replica of each (R0, R1, R2) spread over three "
    "nodes so that no node holds a primary and its own replica. The application sends a write to the node "
    "holding the document's primary shard, which forwards it to that shard's replica; a search is sent to one "
    "copy of every shard and the coordinating node merges the partial results."
)

with Diagram(TITLE, direction="LR", graph_attr={"splines": "spline", "nodesep": "0.5", "ranksep": "1.4"}):
    app = Server("application")
    with Cluster("node 1"):
        p0 = Elasticsearch("P0 (primary)")
        r2 = Elasticsearch("R2 (replica)")
    with Cluster("node 2"):
        p1 = Elasticsearch("P1 (primary)")
        r0 = Elasticsearch("R0 (replica)")
    with Cluster("node 3"):
        p2 = Elasticsearch("P2 (primary)")
        r1 = Elasticsearch("R1 (replica)")
    app >> Edge(label="index doc: hash(_id) routes to shard 0", color="#c0392b") >> p0
    p0 >> Edge(label="replicate op", color="#c0392b", style="bold") >> r0
    app >> Edge(label="search: shard 0 (replica copy)", style="dashed") >> r0
    app >> Edge(label="search: shard 1 (primary copy)", style="dashed") >> p1
    app >> Edge(label="search: shard 2 (replica copy)", style="dashed") >> r2
