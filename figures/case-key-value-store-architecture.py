"""Dynamo-style key-value store: any node coordinates, N=3 replicas on a ring of virtual nodes, repair paths."""

from diagrams import Cluster, Diagram, Edge
from diagrams.onprem.client import Client
from diagrams.onprem.compute import Server
from diagrams.onprem.network import Haproxy

TITLE = "Dynamo-style key-value store reference architecture"
ALT = (
    "A client sends get and put requests through a load balancer to any storage node, which acts as the "
    "coordinator for that key. The coordinator forwards the request to the key's three replicas, the first "
    "three distinct nodes clockwise from the key's hash on a ring of virtual nodes, and answers after W=2 "
    "write acknowledgements or R=2 read replies. Nodes gossip membership, keep hints for replicas that are "
    "down, and compare Merkle trees per key range to repair replicas in the background."
)

with Diagram(TITLE, direction="LR"):
    client = Client("client")
    lb = Haproxy("load balancer")
    coordinator = Server("any node:\ncoordinator")
    with Cluster("preference list (N=3):\ngossip, Merkle repair"):
        a = Server("replica A")
        b = Server("replica B")
        c = Server("replica C")

    client >> Edge(label="1. put / get") >> lb >> Edge(label="2. route") >> coordinator
    coordinator >> Edge(label="3. write or read", color="#c0392b") >> a
    coordinator >> Edge(color="#c0392b") >> b
    coordinator >> Edge(color="#c0392b") >> c
