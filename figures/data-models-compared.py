"""One product, seven data models: each store is there for the query it answers best."""

from diagrams import Cluster, Diagram, Edge
from diagrams.elastic.elasticsearch import Elasticsearch
from diagrams.onprem.client import Users
from diagrams.onprem.compute import Server
from diagrams.onprem.database import Cassandra, InfluxDB, MongoDB, Neo4J, PostgreSQL
from diagrams.onprem.inmemory import Redis

TITLE = "One marketplace, one data model per access pattern"
ALT = (
    "A marketplace API sends each kind of query to the store whose data model fits it: orders with line items "
    "and payment in one transaction to PostgreSQL (relational); product listings read whole to MongoDB "
    "(document); sessions by token with a TTL to Redis (key-value); a user's activity feed, newest first, to "
    "Cassandra (wide-column); sellers followed by the people you follow to Neo4j (graph); checkout latency per "
    "minute to InfluxDB (time-series); and full-text product search to Elasticsearch (search)."
)

with Diagram(TITLE, direction="LR", graph_attr={"nodesep": "0.35", "ranksep": "1.8"}):
    if NARROW:  # noqa: F821 - set by the figure runner: on a phone the API's label names who calls it
        api = Server("marketplace API\n(HTTPS requests from\nbuyers and sellers)")
    else:
        users = Users("buyers and sellers")
        api = Server("marketplace API")
        users >> Edge(label="HTTPS requests") >> api

    with Cluster("system of record"):
        relational = PostgreSQL("relational\nPostgreSQL")
    with Cluster("specialised stores"):
        document = MongoDB("document\nMongoDB")
        key_value = Redis("key-value\nRedis")
        wide_column = Cassandra("wide-column\nCassandra")
        graph = Neo4J("graph\nNeo4j")
        time_series = InfluxDB("time-series\nInfluxDB")
        search = Elasticsearch("search\nElasticsearch")

    api >> Edge(label="order + line items + payment\nin one transaction (joins)", color="#c0392b") >> relational
    api >> Edge(label="product listing with varying\nattributes, read whole") >> document
    api >> Edge(label="session by token\n(TTL 30 min)") >> key_value
    api >> Edge(label="activity feed of one user,\nnewest first") >> wide_column
    api >> Edge(label="sellers followed by\npeople you follow") >> graph
    api >> Edge(label="checkout p99 per minute,\nlast 24 hours") >> time_series
    api >> Edge(label='full-text: "red running shoes"\nranked by relevance') >> search
