"""Bulkheads: one bounded pool per dependency, so a slow dependency fills only its own pool."""

from diagrams import Cluster, Diagram, Edge, Node
from diagrams.onprem.client import Users
from diagrams.onprem.compute import Server

TITLE = "Bulkheads: one bounded pool per downstream dependency"
ALT = (
    "Clients call a checkout API whose request handlers reach three dependencies through separate bounded pools: "
    "payments (20 slots, 6 busy), inventory (10 slots, 3 busy) and recommendations (10 slots, all 10 stuck on a "
    "slow service). The full recommendations pool rejects new calls at once and the API serves a fallback, while "
    "the payments and inventory pools keep serving."
)

POOL = {"shape": "box", "style": "rounded,filled", "fillcolor": "#e8eaf6", "margin": "0.12,0.06"}
FULL = {**POOL, "fillcolor": "#ffcdd2"}

# On a phone (NARROW, set by the figure runner) the recommendations pool and its fallback take a second row, so
# that four pools side by side do not overflow the column.
SECOND_ROW = {"minlen": "2"} if NARROW else {}  # noqa: F821

with Diagram(TITLE, direction="LR", graph_attr={"nodesep": "0.5", "ranksep": "1.1"}):
    clients = Users("clients")
    with Cluster("checkout-api process"):
        handlers = Server("request handlers")
        payments_pool = Node("payments pool\n20 slots, 6 busy", **POOL)
        inventory_pool = Node("inventory pool\n10 slots, 3 busy", **POOL)
        recs_pool = Node("recommendations pool\n10 slots, 10 busy (full)", **FULL)
        fallback = Node("fallback:\nempty or cached list", **{**POOL, "fillcolor": "#fff9c4"})
    with Cluster("downstream services"):
        payments = Server("payments")
        inventory = Server("inventory")
        recs = Server("recommendations\n(slow: 5 s responses)")

    clients >> Edge(label="checkout requests") >> handlers
    handlers >> Edge(label="charge card") >> payments_pool
    handlers >> Edge(label="reserve stock") >> inventory_pool
    handlers >> Edge(label="suggestions", **SECOND_ROW) >> recs_pool
    payments_pool >> Edge(label="at most 20 in flight") >> payments
    inventory_pool >> Edge(label="at most 10 in flight") >> inventory
    recs_pool >> Edge(label="10 calls waiting on timeouts", color="#c0392b", style="bold") >> recs
    (
        handlers
        >> Edge(
            label="11th suggestion call: pool full,\nrejected at once", color="#c0392b", style="dashed", **SECOND_ROW
        )
        >> fallback
    )
