"""Web crawler: a frontier of per-host queues, polite fetchers with robots and DNS caches, dedupe of URLs and content."""

from diagrams import Cluster, Diagram, Edge
from diagrams.aws.storage import S3
from diagrams.onprem.client import Client
from diagrams.onprem.compute import Server
from diagrams.onprem.inmemory import Redis
from diagrams.onprem.network import Internet

TITLE = "Web crawler reference architecture"
ALT = (
    "The URL frontier holds priority queues feeding one queue per host, with a heap of the time each host may "
    "next be fetched. Fetchers take a URL whose host is due, check the cached robots.txt rules and DNS, and "
    "download the page from the web. Pages go to object storage; the parser extracts links, which are "
    "normalised, filtered and checked against the URL-seen set before entering the frontier; a content "
    "fingerprint index drops duplicate and near-duplicate pages."
)

with Diagram(TITLE, direction="LR"):
    seeds = Client("seeds,\nsitemaps")
    with Cluster("crawler node (owns a share of hosts)"):
        frontier = Server("URL frontier\n(per-host queues)")
        fetcher = Server("fetchers\n(robots, DNS cache)")
        parser = Server("parser,\nlink extractor")
        seen = Redis("URL-seen set,\ncontent fingerprints")
    web = Internet("web hosts")
    store = S3("page store")

    seeds >> Edge(label="1. seed URLs") >> frontier
    frontier >> Edge(label="2. URL of a\nhost that is due") >> fetcher
    fetcher >> Edge(label="3. GET") >> web
    fetcher >> Edge(label="4. page") >> store
    fetcher >> Edge(label="5. parse") >> parser
    parser >> Edge(label="6. new links?") >> seen
    seen >> Edge(label="7. unseen URLs", color="#c0392b") >> frontier
