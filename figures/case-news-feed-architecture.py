"""News feed: hybrid fan-out, push to follower timelines for most authors, pull for celebrities at read time."""

from diagrams import Cluster, Diagram, Edge
from diagrams.onprem.client import Users
from diagrams.onprem.compute import Server
from diagrams.onprem.database import Cassandra, PostgreSQL
from diagrams.onprem.inmemory import Redis
from diagrams.onprem.queue import Kafka

TITLE = "News feed: hybrid fan-out reference architecture"
ALT = (
    "A new post is stored in the posts store and announced on a Kafka topic. Fan-out workers read the author's "
    "followers from the social graph and push the post id into each active follower's timeline, a Redis sorted "
    "set, unless the author is a celebrity. At read time the feed service takes the cached timeline, pulls recent "
    "posts of the celebrities the reader follows from a per-author cache, merges and ranks them, and hydrates post "
    "bodies before returning a page to the client."
)

with Diagram(TITLE, direction="LR"):
    clients = Users("clients")
    with Cluster("read path"):
        feed_svc = Server("feed service\n(merge + rank)")
    with Cluster("write path"):
        post_svc = Server("post service")
        posts = Cassandra("posts store")
        events = Kafka("post-created topic")
        fanout = Server("fan-out workers")
    with Cluster("shared state"):
        graph = PostgreSQL("social graph\n(followers)")
        timelines = Redis("timeline cache\n(sorted set per user)")
        celeb = Redis("recent posts\nper celebrity")

    clients >> Edge(label="create post") >> post_svc
    post_svc >> Edge(label="write") >> posts
    post_svc >> Edge(label="post id, author") >> events
    events >> fanout
    fanout >> Edge(label="follower ids (paged)", style="dotted") >> graph
    fanout >> Edge(label="ZADD post id (normal authors)") >> timelines
    post_svc >> Edge(label="celebrity posts only", style="dashed") >> celeb
    clients >> Edge(label="GET /feed?cursor=") >> feed_svc
    feed_svc >> Edge(label="ZREVRANGE", style="dotted") >> timelines
    feed_svc >> Edge(label="followed celebrities' posts", style="dotted") >> celeb
    feed_svc >> Edge(label="hydrate bodies", style="dotted") >> posts
