"""Flash sale: a CDN and gateway in front, a Redis stock gate with Lua, a queue of orders, PostgreSQL as the truth."""

from diagrams import Cluster, Diagram, Edge
from diagrams.aws.network import CloudFront
from diagrams.onprem.client import Users
from diagrams.onprem.compute import Server
from diagrams.onprem.database import PostgreSQL
from diagrams.onprem.inmemory import Redis
from diagrams.onprem.queue import Kafka

TITLE = "Flash sale reference architecture"
ALT = (
    "Buyers load the static sale page from a CDN. Buy clicks pass a gateway that rate-limits per user and "
    "checks a signed sale token, then the sale service runs a Lua script in Redis that decrements the stock "
    "counter and records the buyer only if stock remains and the buyer has not bought. Accepted requests go to "
    "a Kafka topic; order workers create the order and decrement inventory in PostgreSQL with a conditional "
    "update, and a sweeper returns stock from unpaid orders to both stores."
)

with Diagram(TITLE, direction="LR"):
    buyers = Users("buyers")
    cdn = CloudFront("CDN:\nstatic page")
    gateway = Server("gateway:\nrate limit, token")
    with Cluster("sale path"):
        sale = Server("sale service")
        gate = Redis("stock gate\n(Lua: check, DECR)")
    queue = Kafka("order requests")
    workers = Server("order workers")
    db = PostgreSQL("inventory, orders\n(the truth)")

    buyers >> Edge(label="1. page") >> cdn
    buyers >> Edge(label="2. buy") >> gateway >> Edge(label="3.") >> sale
    sale >> Edge(label="4. reserve", color="#c0392b") >> gate
    sale >> Edge(label="5. enqueue") >> queue
    queue >> Edge(label="6.") >> workers
    workers >> Edge(label="7. conditional\ndecrement, order") >> db
