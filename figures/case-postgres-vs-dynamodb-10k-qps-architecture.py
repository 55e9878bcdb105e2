"""Postgres at 10k QPS: stateless app servers, PgBouncer in transaction mode, one primary, a sync standby, async replicas."""

from diagrams import Cluster, Diagram, Edge
from diagrams.aws.storage import S3
from diagrams.onprem.client import Users
from diagrams.onprem.compute import Server
from diagrams.onprem.database import PostgreSQL
from diagrams.onprem.inmemory import Redis
from diagrams.onprem.network import Haproxy

TITLE = "Orders service on PostgreSQL at 10k QPS"
ALT = (
    "Clients reach stateless order-service instances through a load balancer. Each instance reads hot order "
    "summaries from a Redis cache and talks to PostgreSQL only through PgBouncer in transaction mode, which "
    "multiplexes thousands of client connections onto a pool of about 100 server connections. Writes and "
    "read-your-writes reads go to the primary; the primary streams WAL synchronously to a standby in a second "
    "availability zone and asynchronously to two read replicas that serve history and search reads. Monthly "
    "partitions older than a year are detached and archived to object storage."
)

with Diagram(TITLE, direction="LR"):
    clients = Users("clients")
    lb = Haproxy("load balancer")
    with Cluster("stateless app tier"):
        apps = Server("order service x N\n(pool of 20 each)")
    cache = Redis("order summary cache")
    with Cluster("connection pooling"):
        pooler = Server("PgBouncer\n(transaction mode)")
    with Cluster("PostgreSQL cluster"):
        primary = PostgreSQL("primary\n(orders partitioned by month)")
        standby = PostgreSQL("sync standby\n(other AZ)")
        replicas = PostgreSQL("async read replicas x 2")
    archive = S3("archived partitions")

    clients >> Edge(label="10k req/s peak") >> lb >> Edge(label="HTTP") >> apps
    apps >> Edge(label="GET summary (cache-aside)", style="dotted") >> cache
    apps >> Edge(label="~4,000 client conns") >> pooler
    pooler >> Edge(label="writes + fresh reads (~100 server conns)", color="#c0392b") >> primary
    pooler >> Edge(label="history reads", style="dotted") >> replicas
    primary >> Edge(label="WAL (sync)", style="bold") >> standby
    primary >> Edge(label="WAL (async, may lag)", style="dashed") >> replicas
    primary >> Edge(label="detached old partitions", style="dashed") >> archive
