"""Raw samples land in time chunks; rollups are computed from them; retention drops whole chunks."""

from diagrams import Cluster, Diagram, Edge
from diagrams.onprem.compute import Server
from diagrams.onprem.database import Postgresql
from diagrams.onprem.monitoring import Grafana

TITLE = "Raw data, rollups and retention in a time-series store"
ALT = (
    "Devices write raw 10-second samples into a hypertable split into daily chunks; chunks older than seven "
    "days are compressed into columnar form and chunks older than 30 days are dropped. A continuous aggregate "
    "rolls the raw data up into 1-minute rows kept for a year, and a second one rolls those up into 1-hour rows "
    "kept for five years. Dashboards read recent raw data and the rollups for long time ranges."
)

with Diagram(TITLE, direction="LR", graph_attr={"splines": "spline", "nodesep": "0.6", "ranksep": "1.2"}):
    devices = Server("10,000 devices")
    with Cluster("raw hypertable (kept 30 days)"):
        hot = Postgresql("today's chunk\n(row store)")
        warm = Postgresql("chunks > 7 days\n(compressed)")
        expired = Postgresql("chunks > 30 days\n(dropped)")
    with Cluster("continuous aggregates"):
        minute = Postgresql("1-minute rollup\n(kept 1 year)")
        hour = Postgresql("1-hour rollup\n(kept 5 years)")
    dashboards = Grafana("dashboards")
    devices >> Edge(label="inserts, 10 s samples", color="#c0392b") >> hot
    hot >> Edge(label="compression policy") >> warm
    warm >> Edge(label="retention policy: DROP chunk", style="dashed") >> expired
    hot >> Edge(label="min / max / avg / count\nper device per minute") >> minute
    minute >> Edge(label="hourly refresh") >> hour
    hot >> Edge(label="last hours", style="dotted") >> dashboards
    hour >> Edge(label="last months", style="dotted") >> dashboards
