"""Telemetry pipeline: services instrumented with the OpenTelemetry SDK send OTLP to a Collector, which routes
metrics, logs and traces to their own back ends, all queried from Grafana."""

from diagrams import Cluster, Diagram, Edge
from diagrams.onprem.compute import Server
from diagrams.onprem.logging import Loki
from diagrams.onprem.monitoring import Grafana, Prometheus
from diagrams.onprem.tracing import Tempo
from diagrams.programming.language import Go, Java, Python

TITLE = "Telemetry pipeline with OpenTelemetry"
ALT = (
    "Three services (Java, Go and Python), each instrumented with the OpenTelemetry SDK, call each other "
    "over HTTP with a W3C traceparent header and send their metrics, logs and spans over OTLP to an "
    "OpenTelemetry Collector. The Collector batches, filters and tail-samples, then exports metrics to "
    "Prometheus, logs to Loki and spans to Tempo (or Jaeger). Grafana queries all three with PromQL, LogQL "
    "and TraceQL and links a slow request's metrics, logs and trace by trace id."
)

with Diagram(TITLE, direction="LR", graph_attr={"splines": "spline", "nodesep": "0.7", "ranksep": "1.4", "pad": "0.3"}):
    with Cluster("services, each with the OTel SDK"):
        checkout = Java("checkout")
        payments = Go("payments")
        catalog = Python("catalog")
    with Cluster("OTel Collector"):
        collector = Server("receive, batch,\nfilter, tail-sample")
    with Cluster("storage back ends"):
        prometheus = Prometheus("Prometheus\n(metrics)")
        loki = Loki("Loki\n(logs)")
        tempo = Tempo("Tempo or Jaeger\n(traces)")
    grafana = Grafana("Grafana")

    # Each label once: side by side, copies of it ran together ("HTTP + traceparent HTTP + traceparent").
    checkout >> Edge(label="HTTP + traceparent", style="dashed") >> payments
    checkout >> Edge(style="dashed") >> catalog
    catalog >> Edge(label="OTLP: metrics, logs, spans") >> collector
    [checkout, payments] >> collector
    collector >> Edge(label="metrics (remote write\nor scrape)") >> prometheus
    collector >> Edge(label="logs") >> loki
    collector >> Edge(label="sampled spans") >> tempo
    prometheus >> Edge(label="PromQL") >> grafana
    loki >> Edge(label="LogQL") >> grafana
    tempo >> Edge(label="TraceQL") >> grafana
