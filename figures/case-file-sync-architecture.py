"""File sync: block lists committed to sharded metadata, blocks by hash in object storage, long-poll notifications."""

from diagrams import Cluster, Diagram, Edge
from diagrams.aws.storage import S3
from diagrams.onprem.client import Users
from diagrams.onprem.compute import Server
from diagrams.onprem.database import PostgreSQL
from diagrams.onprem.inmemory import Redis

TITLE = "File storage and sync reference architecture"
ALT = (
    "Devices chunk each file, hash the chunks with SHA-256 and commit the block list to the metadata service, "
    "which stores versions, block reference counts and a per-namespace journal in PostgreSQL sharded by "
    "namespace. Devices upload only the missing blocks to, and download blocks from, an object store keyed by "
    "hash. Each commit publishes a namespace-changed event through Redis pub/sub to the notification tier, "
    "which answers the long polls of the namespace's other devices; they then read the journal from their "
    "cursor."
)

with Diagram(TITLE, direction="LR"):
    devices = Users("devices")
    with Cluster("metadata"):
        meta = Server("metadata service")
        db = PostgreSQL("versions + journal\n(shard = namespace)")
    blocks = S3("block store\n(key = SHA-256)")
    with Cluster("notifications"):
        bus = Redis("pub/sub")
        notify = Server("long-poll tier")

    devices >> Edge(label="2, 5. commit block list") >> meta
    meta >> Edge(label="6. version + journal", color="#c0392b") >> db
    devices >> Edge(label="4. PUT missing blocks") >> blocks
    meta >> Edge(label="7. namespace changed", style="dashed") >> bus
    bus >> Edge(style="dashed") >> notify
    notify >> Edge(label="poll answered", style="dashed") >> devices
