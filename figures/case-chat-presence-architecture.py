"""Chat and presence: WebSocket gateways, a session registry, per-conversation ordering, offline push."""

from diagrams import Cluster, Diagram, Edge
from diagrams.firebase.grow import Messaging
from diagrams.generic.device import Mobile
from diagrams.onprem.compute import Server
from diagrams.onprem.database import Cassandra
from diagrams.onprem.inmemory import Redis
from diagrams.onprem.network import Haproxy
from diagrams.onprem.queue import Kafka

TITLE = "Chat and presence: reference architecture"
ALT = (
    "The sender's device holds a WebSocket connection through a layer-4 load balancer to one of a fleet of "
    "stateful gateways. Gateways record which user is connected to which gateway, and presence, in Redis with "
    "TTLs. A sent message goes from the sender's gateway to the chat service, which assigns the next "
    "per-conversation sequence number, stores the message in Cassandra partitioned by conversation and publishes "
    "it to Kafka keyed by conversation id. A delivery router looks up the recipient's gateway in the registry and "
    "pushes the message down the recipient's socket, or hands it to a push service for APNs and FCM when the "
    "recipient is offline."
)

with Diagram(TITLE, direction="TB"):
    sender = Mobile("sender")
    lb = Haproxy("L4 load balancer")
    gw_in = Server("gateway A\n(sender's socket)")
    gw_out = Server("gateway B\n(recipient's socket)")
    registry = Redis("session registry\n+ presence (TTL)")
    with Cluster("message path"):
        chat = Server("chat service\n(assign seq)")
        store = Cassandra("messages by\n(conversation, seq)")
        log = Kafka("messages topic\n(key = conversation)")
        router = Server("delivery router")
    push = Messaging("push service\n(APNs / FCM)")
    recipient = Mobile("recipient")

    sender >> Edge(label="WebSocket frames (TLS)") >> lb >> gw_in
    gw_in >> Edge(label="send(client_msg_id)") >> chat
    gw_in >> Edge(label="connect, heartbeat", style="dashed") >> registry
    chat >> Edge(label="insert") >> store
    chat >> Edge(label="publish") >> log
    log >> Edge(label="ordered per conversation") >> router
    router >> Edge(label="where is the user?", style="dotted") >> registry
    router >> Edge(label="deliver(seq)") >> gw_out
    gw_out >> Edge(label="message frame, then ack") >> recipient
    router >> Edge(label="recipient offline", style="dashed") >> push
    push >> Edge(label="notification", style="dashed") >> recipient
