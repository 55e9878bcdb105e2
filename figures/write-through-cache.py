"""Write-through: every write goes through the cache layer to the database before it is acknowledged."""

from diagrams import Cluster, Diagram, Edge
from diagrams.aws.database import DAX, Dynamodb
from diagrams.onprem.compute import Server

TITLE = "Write-through (and read-through) cache"
ALT = (
    "The application talks only to the cache layer (here DynamoDB Accelerator): a write goes through DAX to "
    "DynamoDB and DAX updates its copy once DynamoDB has accepted it, then acknowledges; a read is served "
    "from DAX, which fetches from DynamoDB itself on a miss."
)

with Diagram(TITLE, direction="LR", graph_attr={"splines": "spline"}):
    app = Server("application")
    with Cluster("cache layer in the data path"):
        dax = DAX("DAX cluster")
    db = Dynamodb("DynamoDB table")
    app >> Edge(label="writes + reads (one endpoint)") >> dax
    dax >> Edge(label="write: forwarded synchronously", color="#c0392b") >> db
    dax >> Edge(label="read miss: fetch item", style="dashed") >> db
