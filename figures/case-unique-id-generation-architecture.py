"""Unique IDs: an in-process Snowflake library per service, worker ids leased from etcd, clocks kept by chrony."""

from diagrams import Cluster, Diagram, Edge
from diagrams.onprem.compute import Server
from diagrams.onprem.monitoring import Prometheus
from diagrams.onprem.network import Etcd

TITLE = "Unique ID generation reference architecture"
ALT = (
    "Each service process links an ID library that leases a worker id from etcd when it starts, keeps the lease "
    "alive, and generates 64-bit IDs in memory from the wall clock, its worker id and a sequence. Hosts keep "
    "their clocks in step with chrony against internal NTP servers that smear leap seconds. Services without "
    "the library call a small ID service that returns batches. Clock offsets, waits and refusals are scraped "
    "by Prometheus."
)

with Diagram(TITLE, direction="LR"):
    ntp = Server("internal NTP\n(leap smear)")
    with Cluster("each host (chrony)"):
        orders = Server("order service\n+ ID library")
        chat = Server("chat service\n+ ID library")
    batch = Server("ID service\n(batches)")
    etcd = Etcd("etcd: workers/0..1023\n(leases)")
    metrics = Prometheus("clock offset,\nwaits, refusals")

    orders >> Edge(label="lease worker id,\nkeepalive") >> etcd
    chat >> Edge(label="lease") >> etcd
    batch >> Edge(label="lease") >> etcd
    ntp >> Edge(label="time", style="dashed") >> orders
    ntp >> Edge(label="time", style="dashed") >> chat
    metrics >> Edge(label="scrape", style="dotted") >> orders
