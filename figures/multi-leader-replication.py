"""Multi-leader replication: one leader per region, each accepting local writes, replicating to the other."""

from diagrams import Cluster, Diagram, Edge
from diagrams.generic.database import SQL
from diagrams.onprem.client import Users

TITLE = "Multi-leader replication across two regions"
ALT = (
    "Users in each region write to their local leader, which commits without waiting for the other region; "
    "the two leaders replicate their changes to each other asynchronously, so concurrent writes to the same "
    "row in both regions conflict and must be resolved (last-writer-wins or a CRDT merge)."
)

with Diagram(TITLE, direction="LR", graph_attr={"splines": "spline"}):
    with Cluster("region eu-west"):
        eu_users = Users("EU users")
        eu_leader = SQL("leader EU")
    with Cluster("region us-east"):
        us_leader = SQL("leader US")
        us_users = Users("US users")
    eu_users >> Edge(label="local reads + writes") >> eu_leader
    us_leader << Edge(label="local reads + writes") << us_users
    eu_leader >> Edge(label="async: EU changes", style="dashed") >> us_leader
    us_leader >> Edge(label="async: US changes\n(conflicts resolved on apply)", style="dashed") >> eu_leader
