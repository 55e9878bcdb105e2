"""Leaderboard: results applied once in a score store, mirrored into Redis sorted sets per board and window."""

from diagrams import Cluster, Diagram, Edge
from diagrams.onprem.client import Users
from diagrams.onprem.compute import Server
from diagrams.onprem.database import PostgreSQL
from diagrams.onprem.inmemory import Redis

TITLE = "Real-time leaderboard reference architecture"
ALT = (
    "Game servers post each match result to the score service, which records it once in a PostgreSQL score "
    "store (match results and totals per board) and writes the new totals with ZADD GT to Redis sorted sets "
    "for the all-time, daily and weekly boards. Players read through the board service, which serves the top "
    "100 from a one-second cache and reads ranks and neighbours from Redis replicas. A rebuild job can "
    "repopulate every board from the score store."
)

with Diagram(TITLE, direction="LR"):
    game = Server("game servers")
    players = Users("players")
    with Cluster("write path"):
        scores = Server("score service")
        store = PostgreSQL("score store\n(results + totals)")
    with Cluster("Redis"):
        primary = Redis("sorted sets\n(primary)")
        replica = Redis("read replicas")
    boards = Server("board service")
    rebuild = Server("rebuild job")

    game >> Edge(label="1. match result") >> scores
    scores >> Edge(label="2. apply once", color="#c0392b") >> store
    scores >> Edge(label="3. ZADD GT") >> primary
    primary >> Edge(label="replication", style="dashed") >> replica
    players >> Edge(label="reads") >> boards
    boards >> Edge(label="ranks") >> replica
    rebuild >> Edge(label="read totals", style="dotted") >> store
    rebuild >> Edge(label="ZADD GT", style="dotted") >> primary
