"""Feature flags: a versioned ruleset streamed through regional relays to SDKs that evaluate in memory."""

from diagrams import Cluster, Diagram, Edge
from diagrams.generic.device import Mobile
from diagrams.onprem.client import Users
from diagrams.onprem.compute import Server
from diagrams.onprem.database import PostgreSQL
from diagrams.onprem.queue import Kafka

TITLE = "Feature flags and config service reference architecture"
ALT = (
    "Engineers change flags through the admin service, which commits the versioned ruleset and an audit entry "
    "to PostgreSQL and publishes a patch. Regional relays keep a copy of the ruleset and push patches over "
    "server-sent-event streams to the SDKs inside application servers, which evaluate every flag in memory. "
    "Browsers and phones ask an evaluation service, fed by the relays, for their evaluated values only. SDKs "
    "send sampled evaluation counts to Kafka for analytics."
)

with Diagram(TITLE, direction="LR"):
    engineers = Users("engineers")
    with Cluster("control plane"):
        admin = Server("admin service")
        db = PostgreSQL("rules + audit")
    with Cluster("each region"):
        relay = Server("relays")
        apps = Server("app servers\n(SDK)")
        evaluate = Server("evaluator")
    devices = Mobile("browsers, phones")
    analytics = Kafka("evaluation counts")

    engineers >> Edge(label="1. change") >> admin
    admin >> Edge(label="2. commit", color="#c0392b") >> db
    admin >> Edge(label="3. patch") >> relay
    relay >> Edge(label="4. SSE stream") >> apps
    relay >> Edge(label="rules") >> evaluate
    devices >> Edge(label="values") >> evaluate
    apps >> Edge(label="counts", style="dashed") >> analytics
