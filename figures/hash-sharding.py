"""Hash-based sharding: the router hashes the shard key to pick one of four shards."""

from diagrams import Cluster, Diagram, Edge
from diagrams.onprem.client import Users
from diagrams.onprem.compute import Server
from diagrams.onprem.database import PostgreSQL

TITLE = "Hash-based sharding"
ALT = (
    "Requests for user 42 and user 7 reach a router that hashes the user id onto one of 1,024 logical "
    "shards and looks up which of four physical database shards holds that logical shard; keys that are "
    "neighbours in value land on unrelated shards, so load spreads evenly but a range scan must ask every shard."
)

with Diagram(TITLE, direction="LR"):
    users = Users("clients")
    router = Server("router: hash(user_id) mod 1024 -> shard map")
    with Cluster("physical shards (256 logical shards each)"):
        shards = [
            PostgreSQL("shard 0\nlogical 0-255"),
            PostgreSQL("shard 1\nlogical 256-511"),
            PostgreSQL("shard 2\nlogical 512-767"),
            PostgreSQL("shard 3\nlogical 768-1023"),
        ]
    users >> Edge(label="GET /users/42, /users/7") >> router
    router >> Edge(label="user 42 -> logical 870") >> shards[3]
    router >> Edge(label="user 7 -> logical 131") >> shards[0]
    router >> Edge(label="range scan: ask all 4", style="dotted") >> shards[1]
    router >> Edge(style="dotted") >> shards[2]
