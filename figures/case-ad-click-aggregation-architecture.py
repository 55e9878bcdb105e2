"""Ad-click aggregation: Kafka into Flink event-time windows, upserted into OLAP, reconciled by a batch recount."""

from diagrams import Cluster, Diagram, Edge
from diagrams.aws.storage import S3
from diagrams.onprem.analytics import Flink, Spark
from diagrams.onprem.client import Users
from diagrams.onprem.compute import Server
from diagrams.onprem.database import Druid
from diagrams.onprem.queue import Kafka

TITLE = "Ad-click aggregation reference architecture"
ALT = (
    "Users' clicks reach the click service, which logs each click to Kafka keyed by ad id and redirects the "
    "user. A Flink job deduplicates by impression id, counts clicks in one-minute event-time windows with "
    "watermarks and allowed lateness, and upserts per-minute counts into an OLAP store (Druid) that serves "
    "advertiser dashboards; the counts also feed the budget service. Raw clicks are copied to object storage, "
    "where an hourly Spark job recounts them for reconciliation and billing."
)

with Diagram(TITLE, direction="LR"):
    users = Users("users clicking ads")
    clicks = Server("click service\n(log, then 302)")
    log = Kafka("clicks\n(key = ad id)")
    with Cluster("fast path"):
        flink = Flink("Flink: dedupe,\n1-min windows")
        olap = Druid("OLAP\n(ad, minute) → count")
        budget = Server("budget service")
    with Cluster("batch path"):
        raw = S3("raw clicks")
        spark = Spark("hourly recount")

    users >> Edge(label="1. GET /click") >> clicks
    clicks >> Edge(label="log") >> log
    log >> Edge(label="2-4.") >> flink
    flink >> Edge(label="5. upsert", color="#c0392b") >> olap
    flink >> Edge(label="counts", style="dashed") >> budget
    log >> Edge(label="copy", style="dotted") >> raw
    raw >> Edge(label="6.") >> spark
    spark >> Edge(label="reconcile", style="dotted") >> olap
