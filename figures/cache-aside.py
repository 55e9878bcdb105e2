"""Cache-aside: the application reads the cache, loads from the database on a miss, deletes on write."""

from diagrams import Cluster, Diagram, Edge
from diagrams.onprem.compute import Server
from diagrams.onprem.database import PostgreSQL
from diagrams.onprem.inmemory import Redis

TITLE = "Cache-aside (lazy loading)"
ALT = (
    "The application first reads a key from Redis; on a hit it returns the value; on a miss it reads the row "
    "from PostgreSQL and writes it into Redis with a TTL. On an update the application writes PostgreSQL and "
    "then deletes the Redis key, so the next read reloads it."
)

with Diagram(TITLE, direction="LR", graph_attr={"splines": "spline"}):
    app = Server("application")
    with Cluster("data tier"):
        cache = Redis("Redis (cache)")
        db = PostgreSQL("PostgreSQL\n(source of truth)")
    app >> Edge(label="1. GET key (hit: done)") >> cache
    app >> Edge(label="2. on miss: SELECT row") >> db
    app >> Edge(label="3. SET key value EX ttl", style="dashed") >> cache
    app >> Edge(label="on write: UPDATE row, then DEL key", color="#c0392b") >> db
