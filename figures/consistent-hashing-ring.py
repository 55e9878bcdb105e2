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

# On a phone (NARROW, set by the figure runner) the ring is tighter and each position goes under its name.
BREAK, MINDIST = ("\n", "0.4") if NARROW else (" ", "0.9")  # noqa: F821

with Diagram(TITLE, direction="LR", graph_attr={"layout": "circo", "mindist": MINDIST}):
    a = Server(f"node A{BREAK}(pos 10)")
    k1 = Blank(f"key k1{BREAK}(pos 20)")
    b = Server(f"node B{BREAK}(pos 30)")
    k2 = Blank(f"key k2{BREAK}(pos 45)")
    c = Server(f"node C{BREAK}(pos 55)")
    k3 = Blank(f"key k3{BREAK}(pos 62)")
    e = Server(f"new node E{BREAK}(pos 68)")
    d = Server(f"node D{BREAK}(pos 85)")
    ring = Edge(style="dotted", label="clockwise")
    a >> Edge(style="dotted") >> k1 >> Edge(label="k1 stored on B") >> b
    b >> Edge(style="dotted") >> k2 >> Edge(label="k2 stored on C") >> c
    c >> Edge(style="dotted") >> k3 >> Edge(label="k3 moves from D to E", color="#c0392b") >> e
    e >> Edge(style="dotted") >> d >> ring >> a
