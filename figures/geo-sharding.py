"""Geo-sharding: each user's rows live in their home region; routing by region."""

from diagrams import Cluster, Diagram, Edge
from diagrams.onprem.client import Users
from diagrams.onprem.compute import Server
from diagrams.onprem.database import PostgreSQL
from diagrams.onprem.network import Internet

TITLE = "Geo-sharding by home region"
ALT = (
    "A global routing layer sends each user to their home region; the EU region's database holds only EU "
    "users' rows and the US region's only US users' rows, so most reads and writes stay local and the data "
    "stays in its jurisdiction, while a small global directory maps each user id to its home region."
)

with Diagram(TITLE, direction="LR"):
    users = Users("users worldwide")
    edge = Internet("geo DNS / edge routing")
    directory = Server("global directory:\nuser_id -> home region")
    with Cluster("eu-central (EU users' data)"):
        eu_app = Server("app EU")
        eu_db = PostgreSQL("shard EU")
    with Cluster("us-east (US users' data)"):
        us_app = Server("app US")
        us_db = PostgreSQL("shard US")
    users >> Edge(label="requests") >> edge
    edge >> Edge(label="EU users") >> eu_app
    edge >> Edge(label="US users") >> us_app
    eu_app >> Edge(label="local reads + writes") >> eu_db
    us_app >> Edge(label="local reads + writes") >> us_db
    [eu_app, us_app] >> Edge(label="which region owns user X?", style="dotted") >> directory
