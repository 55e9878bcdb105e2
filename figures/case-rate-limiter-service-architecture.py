"""Rate limiter: gateways call a Lua script on a sharded Redis cluster, with a local fallback when Redis is down."""

from diagrams import Cluster, Diagram, Edge
from diagrams.onprem.client import Users
from diagrams.onprem.compute import Server
from diagrams.onprem.database import PostgreSQL
from diagrams.onprem.inmemory import Redis
from diagrams.onprem.network import Envoy

TITLE = "Distributed rate limiter reference architecture"
ALT = (
    "API clients reach a fleet of gateways. For each request a gateway looks up the rule for the caller in a "
    "locally cached copy of the rules, then runs an atomic token-bucket Lua script on the Redis primary that "
    "owns the caller's hash slot; the script answers allow or deny with the remaining tokens. Rules are edited "
    "in a PostgreSQL-backed config service and pushed to gateways. Allowed requests go on to the backend; "
    "denied ones get 429 with Retry-After. If Redis does not answer within a few milliseconds, the gateway "
    "falls back to a local in-memory limiter."
)

with Diagram(TITLE, direction="LR"):
    clients = Users("API clients")
    with Cluster("gateway fleet"):
        gateway = Envoy("gateway x N\n(rules cache +\nlocal fallback limiter)")
    with Cluster("Redis Cluster (16,384 hash slots)"):
        shards = [Redis("primary A"), Redis("primary B"), Redis("primary C")]
    with Cluster("control plane"):
        rules = Server("rules service")
        rules_db = PostgreSQL("rules")
    backend = Server("backend services")

    clients >> Edge(label="requests (API key)") >> gateway
    gateway >> Edge(label="EVALSHA token bucket (slot of the key)", color="#c0392b") >> shards[1]
    gateway >> Edge(color="#c0392b") >> [shards[0], shards[2]]
    rules_db >> Edge(label="rule changes", style="dotted") >> rules
    rules >> Edge(label="push rules", style="dashed") >> gateway
    gateway >> Edge(label="allowed requests") >> backend
    gateway >> Edge(label="429 + Retry-After", style="bold") >> clients
