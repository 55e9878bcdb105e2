"""Ticket booking: a waiting room in front, seat holds by conditional update in PostgreSQL, payment, and a hold sweeper."""

from diagrams import Cluster, Diagram, Edge
from diagrams.onprem.client import Users
from diagrams.onprem.compute import Server
from diagrams.onprem.database import PostgreSQL
from diagrams.onprem.inmemory import Redis

TITLE = "Ticket booking reference architecture"
ALT = (
    "Buyers enter a waiting room that admits them at a set rate with signed tokens. Admitted buyers read the "
    "seat map from a Redis cache and call the booking service, which holds seats with a conditional update in "
    "PostgreSQL, the source of truth, where a unique key on event and seat makes a double sale impossible. "
    "The booking service authorises the card with the payment provider, confirms the seats, then captures. "
    "A sweeper releases expired holds and refreshes the seat-map cache."
)

with Diagram(TITLE, direction="LR"):
    buyers = Users("buyers")
    room = Server("waiting room\n(admission tokens)")
    with Cluster("booking"):
        booking = Server("booking service")
        sweeper = Server("hold sweeper")
    seatmap = Redis("seat-map cache")
    db = PostgreSQL("seats, holds, orders\n(unique event + seat)")
    psp = Server("payment provider")

    buyers >> Edge(label="1. join queue") >> room
    room >> Edge(label="2. admitted") >> booking
    booking >> Edge(label="3. seat map", style="dashed") >> seatmap
    booking >> Edge(label="4. hold, 6. confirm", color="#c0392b") >> db
    booking >> Edge(label="5. authorise,\n7. capture") >> psp
    sweeper >> Edge(label="release expired", style="dotted") >> db
