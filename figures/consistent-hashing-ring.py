"""The consistent-hashing ring: nodes and keys hashed onto one circle; a key belongs to the next node clockwise."""

from diagrams import Diagram, Edge
from diagrams.generic.blank import Blank
from diagrams.onprem.compute import Server

TITLE = "The consistent-hashing ring"
ALT = (
    "Four nodes A, B, C and D sit at their hash positions on a circle; each key is stored on the first node "
    "clockwise from its own hash, so k1 goes to B and k2 to C; when a new node E joins between C and D it "
    "takes over only the keys between C and E, here k3, and every other key stays where it was."
)

with Diagram(TITLE, direction="LR", graph_attr={"layout": "circo", "mindist": "0.9"}):
    a = Server("node A (pos 10)")
    k1 = Blank("key k1 (pos 20)")
    b = Server("node B (pos 30)")
    k2 = Blank("key k2 (pos 45)")
    c = Server("node C (pos 55)")
    k3 = Blank("key k3 (pos 62)")
    e = Server("new node E (pos 68)")
    d = Server("node D (pos 85)")
    ring = Edge(style="dotted", label="clockwise")
    a >> Edge(style="dotted") >> k1 >> Edge(label="k1 stored on B") >> b
    b >> Edge(style="dotted") >> k2 >> Edge(label="k2 stored on C") >> c
    c >> Edge(style="dotted") >> k3 >> Edge(label="k3 moves from D to E", color="#c0392b") >> e
    e >> Edge(style="dotted") >> d >> ring >> a
