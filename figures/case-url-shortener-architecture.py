"""URL shortener: a write path that allocates codes from leased counter ranges, a cached read path."""

from diagrams import Cluster, Diagram, Edge
from diagrams.aws.database import Dynamodb
from diagrams.aws.network import CloudFront
from diagrams.onprem.client import Users
from diagrams.onprem.compute import Server
from diagrams.onprem.database import PostgreSQL
from diagrams.onprem.inmemory import Redis
from diagrams.onprem.queue import Kafka

TITLE = "URL shortener reference architecture"
ALT = (
    "Creators call the write service, which takes the next id from a block of ids leased from a small counter "
    "table, scrambles and base62-encodes it into a seven-character code, and stores the link in a key-value "
    "table keyed by code. Visitors hit a CDN first, then the redirect service, which looks the code up in a "
    "Redis cache and falls back to the table on a miss; each redirect emits a click event to Kafka for "
    "asynchronous analytics."
)

with Diagram(TITLE, direction="LR"):
    creators = Users("creators")
    visitors = Users("visitors")
    with Cluster("write path"):
        writer = Server("link service")
        counter = PostgreSQL("id block allocator\n(1 row per range)")
    with Cluster("read path"):
        cdn = CloudFront("CDN")
        redirect = Server("redirect service")
        cache = Redis("code -> URL cache")
    links = Dynamodb("links table\n(partition key = code)")
    clicks = Kafka("click events")

    creators >> Edge(label="POST /links") >> writer
    writer >> Edge(label="lease 10,000 ids", style="dotted") >> counter
    writer >> Edge(label="put if code absent", color="#c0392b") >> links
    visitors >> Edge(label="GET /{code}") >> cdn
    cdn >> Edge(label="miss") >> redirect
    redirect >> Edge(label="get code") >> cache
    redirect >> Edge(label="on cache miss", style="dashed") >> links
    redirect >> Edge(label="click (async)", style="dashed") >> clicks
