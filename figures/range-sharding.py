"""Range-based sharding: contiguous key ranges per shard; sequential keys pile onto the last range."""

from diagrams import Cluster, Diagram, Edge
from diagrams.onprem.client import Users
from diagrams.onprem.compute import Server
from diagrams.onprem.database import Cockroachdb

TITLE = "Range-based sharding"
ALT = (
    "A router keeps a table of key ranges by order id and sends each request to the shard whose range holds "
    "the key; a range scan touches only the adjacent shards it needs, but every new order has the highest id, "
    "so all inserts land on the last range, which becomes the hot spot until it splits."
)

with Diagram(TITLE, direction="LR", graph_attr={"splines": "spline"}):
    users = Users("clients")
    router = Server("router: range table")
    with Cluster("shards by order_id range"):
        s1 = Cockroachdb("range 1\n[0, 1M)")
        s2 = Cockroachdb("range 2\n[1M, 2M)")
        s3 = Cockroachdb("range 3\n[2M, +inf)")
    users >> Edge(label="reads + writes") >> router
    router >> Edge(label="scan part 1: ids 900k-999,999") >> s1
    router >> Edge(label="scan part 2: ids 1M-1.1M") >> s2
    router >> Edge(label="every new insert (hot spot)", color="#c0392b", style="bold") >> s3
