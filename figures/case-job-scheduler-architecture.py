"""Distributed job scheduler: partitioned schedulers under etcd leases, a run table keyed by occurrence, workers."""

from diagrams import Cluster, Diagram, Edge
from diagrams.onprem.client import Users
from diagrams.onprem.compute import Server
from diagrams.onprem.database import PostgreSQL
from diagrams.onprem.network import Etcd
from diagrams.onprem.queue import Rabbitmq

TITLE = "Distributed job scheduler reference architecture"
ALT = (
    "Clients register jobs through the job API, which writes them to a sharded PostgreSQL jobs table. "
    "Scheduler nodes hold etcd leases on partitions of the jobs, read the jobs due in the next minute, insert "
    "one run row per job and scheduled time (a unique key, so a second insert is a no-op) and enqueue the run. "
    "Workers claim a run with a conditional update that returns a fencing token, heartbeat while they work and "
    "record the result; a sweeper re-queues runs whose lease expired."
)

with Diagram(TITLE, direction="LR"):
    clients = Users("job owners")
    api = Server("job API")
    with Cluster("control"):
        leases = Etcd("leases")
        scheduler = Server("schedulers\n(own partitions)")
    store = PostgreSQL("jobs + runs\n(sharded by job_id)")
    queue = Rabbitmq("run queue")
    workers = Server("workers")

    clients >> Edge(label="1. create job") >> api
    api >> Edge(label="2. insert job") >> store
    scheduler >> Edge(label="hold lease", style="dotted") >> leases
    scheduler >> Edge(label="3. insert runs") >> store
    scheduler >> Edge(label="4. enqueue run") >> queue
    queue >> Edge(label="5. deliver") >> workers
    workers >> Edge(label="6. claim,\nfinish", color="#c0392b") >> store
