"""Notification pipeline: intake, routing with preferences and dedupe, per-channel queues, providers."""

from diagrams import Cluster, Diagram, Edge
from diagrams.aws.engagement import SimpleEmailServiceSes
from diagrams.firebase.grow import Messaging
from diagrams.generic.device import Mobile
from diagrams.onprem.compute import Server
from diagrams.onprem.database import Cassandra, PostgreSQL
from diagrams.onprem.inmemory import Redis
from diagrams.onprem.queue import Kafka
from diagrams.saas.communication import Twilio

TITLE = "Notification pipeline: reference architecture"
ALT = (
    "Producer services call the notification API with an idempotency key, which the API claims in Redis (SET NX) "
    "before appending the request to a Kafka intake topic split into a transactional and a bulk lane. Router "
    "workers read user preferences and device tokens from PostgreSQL and count frequency caps in Redis (INCR), "
    "then write to one topic per channel. "
    "Push, email and SMS workers call APNs, FCM, an email provider and an SMS provider, and record every "
    "attempt's status in a Cassandra delivery log."
)

# On a phone (NARROW, set by the figure runner) the providers' row breaks its labels onto two lines to fit.
BREAK = "\n" if NARROW else " "  # noqa: F821

with Diagram(TITLE, direction="LR"):
    producers = Server("producer services")
    api = Server("notification API")
    with Cluster("intake (Kafka)"):
        lane_tx = Kafka("transactional lane")
        lane_bulk = Kafka("bulk lane")
    with Cluster("routing"):
        router = Server("router workers")
        prefs = PostgreSQL("preferences\n+ device tokens")
    redis = Redis("idempotency keys\n+ frequency caps")  # the API's and the routers': outside both
    channel_topics = Kafka("channel topics\n(push, email, SMS)")
    with Cluster("channel workers"):
        w_push = Server("push workers")
        w_email = Server("email workers")
        w_sms = Server("SMS workers")
    with Cluster("external providers"):
        apns = Mobile(f"APNs{BREAK}(HTTP/2)")
        fcm = Messaging(f"FCM{BREAK}HTTP v1")
        email = SimpleEmailServiceSes(f"email{BREAK}provider")
        sms = Twilio(f"SMS{BREAK}provider")
    log = Cassandra(f"delivery{BREAK}log")

    producers >> Edge(label="POST + Idempotency-Key") >> api
    api >> Edge(label="OTP, receipts") >> lane_tx
    api >> Edge(label="campaigns, digests", style="dashed") >> lane_bulk
    lane_tx >> Edge(label="requests") >> router
    lane_bulk >> router
    router >> Edge(label="lookups", style="dotted") >> prefs
    api >> Edge(label="SET NX idem key", style="dotted") >> redis
    router >> Edge(label="INCR caps", style="dotted") >> redis
    router >> Edge(label="rendered message") >> channel_topics
    # One label for each fan-out: three copies of it made the drawing too wide for a phone.
    channel_topics >> Edge(label="per-channel partitions") >> w_email
    channel_topics >> [w_push, w_sms]
    w_push >> Edge(label="device token + payload") >> apns
    w_push >> fcm
    w_email >> email
    w_sms >> sms
    w_email >> Edge(label="attempt status", style="dashed") >> log
    [w_push, w_sms] >> Edge(style="dashed") >> log
