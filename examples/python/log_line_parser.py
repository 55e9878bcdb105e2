"""Parse access-log lines and aggregate them: "from this nginx log, the p50 and error rate per endpoint".

The line format is nginx's default `combined` format plus the request time:
    $remote_addr - $remote_user [$time_local] "$request" $status $body_bytes_sent "$http_referer"
    "$http_user_agent" $request_time
One anchored regular expression with named groups parses a line in O(line length);
summarize is O(n log n) time for n lines (the sort for the median) and O(n) space. Bad lines are counted
and skipped, never allowed to crash the job: real logs contain truncated lines and garbage requests.
"""

import re
from collections import defaultdict
from dataclasses import dataclass
from datetime import datetime

LINE = re.compile(
    r"(?P<ip>\S+) \S+ (?P<user>\S+) \[(?P<time>[^\]]+)\] "
    r'"(?P<method>[A-Z]+) (?P<path>[^ "]+) HTTP/[\d.]+" '
    r'(?P<status>\d{3}) (?P<bytes>\d+|-) "(?P<referer>[^"]*)" "(?P<agent>[^"]*)" (?P<rt>\d+\.\d+)$'
)


@dataclass
class Entry:
    ip: str
    time: datetime
    method: str
    path: str
    query: str
    status: int
    bytes: int
    seconds: float


def parse_line(line: str) -> Entry | None:
    m = LINE.match(line.rstrip("\n"))
    if m is None:
        return None
    path, _, query = m["path"].partition("?")  # group /orders?id=1 and /orders?id=2 under /orders
    return Entry(
        ip=m["ip"],
        time=datetime.strptime(m["time"], "%d/%b/%Y:%H:%M:%S %z"),
        method=m["method"],
        path=path,
        query=query,
        status=int(m["status"]),
        bytes=0 if m["bytes"] == "-" else int(m["bytes"]),
        seconds=float(m["rt"]),
    )


def summarize(lines: list[str]) -> tuple[dict[str, dict[str, float]], int]:
    """Per 'METHOD path': count, 5xx error rate and median seconds; plus the number of unparsable lines."""
    times: dict[str, list[float]] = defaultdict(list)
    errors: dict[str, int] = defaultdict(int)
    bad = 0
    for line in lines:
        e = parse_line(line)
        if e is None:
            bad += 1
            continue
        key = f"{e.method} {e.path}"
        times[key].append(e.seconds)
        errors[key] += e.status >= 500
    report = {}
    for key, ts in times.items():
        ts.sort()
        mid = len(ts) // 2
        median = ts[mid] if len(ts) % 2 else (ts[mid - 1] + ts[mid]) / 2
        report[key] = {"count": len(ts), "error_rate": errors[key] / len(ts), "median_s": median}
    return report, bad


if __name__ == "__main__":
    sample = [
        '203.0.113.7 - - [12/Mar/2025:10:15:32 +0000] "GET /orders?id=42 HTTP/1.1" 200 512 "-" "curl/8.5" 0.031',
        '203.0.113.8 - alice [12/Mar/2025:10:15:33 +0000] "GET /orders?id=7 HTTP/2.0" 200 498 "-" "Mozilla/5.0" 0.045',
        '198.51.100.2 - - [12/Mar/2025:10:15:33 +0000] "POST /checkout HTTP/1.1" 502 0 "-" "app/3.1" 2.310',
        '198.51.100.2 - - [12/Mar/2025:10:15:34 +0000] "POST /checkout HTTP/1.1" 201 87 "https://shop.example/cart" "app/3.1" 0.420',
        '203.0.113.9 - - [12/Mar/2025:10:15:35 +0000] "GET /orders HTTP/1.1" 304 - "-" "curl/8.5" 0.002',
        "garbage that is not a log line",
        '203.0.113.9 - - [12/Mar/2025:10:15:36 +0000] "GET /orders HTTP/1.1" 200 512 "-" "cut off',  # truncated
    ]
    e = parse_line(sample[0])
    assert e is not None and e.ip == "203.0.113.7" and e.path == "/orders" and e.query == "id=42"
    assert e.status == 200 and e.seconds == 0.031 and e.time.hour == 10 and e.time.utcoffset().seconds == 0
    assert parse_line(sample[4]).bytes == 0  # "-" means no body was sent

    report, bad = summarize(sample)
    assert bad == 2
    assert report["GET /orders"] == {"count": 3, "error_rate": 0.0, "median_s": 0.031}
    assert report["POST /checkout"] == {"count": 2, "error_rate": 0.5, "median_s": (2.310 + 0.420) / 2}
    assert summarize([]) == ({}, 0)  # empty input
    assert parse_line("") is None

    # randomized round trips: format random valid lines (any IPv4, user or "-", time zone offsets, methods,
    # paths with or without a query, status codes, "-" or byte counts, Referer headers, agents), parse them back and
    # compare every field; then summarize() must agree with a count done on the generated values
    import random
    import statistics
    from datetime import timedelta, timezone

    rng = random.Random(61)
    lines, truth = [], []
    for _ in range(300):
        tz = timezone(timedelta(minutes=rng.choice([-480, -300, 0, 60, 330, 545])))
        when = datetime(2025, 1, 1, tzinfo=tz) + timedelta(seconds=rng.randint(0, 365 * 86400))
        ip = ".".join(str(rng.randint(0, 255)) for _ in range(4))
        method, path = rng.choice(["GET", "POST", "PUT", "DELETE"]), rng.choice(["/", "/orders", "/a/b-c_d.json"])
        query = rng.choice(["", "id=7", "q=a%20b&page=2"])
        status, size = rng.randint(100, 599), rng.choice(["-", str(rng.randint(0, 10**6))])
        rt = f"{rng.randint(0, 30000) / 1000:.3f}"
        user, version = rng.choice(["-", "alice", "svc_42"]), rng.choice(["1.0", "1.1", "2.0"])
        referer = rng.choice(["-", "https://shop.example/cart?x=1"])
        agent = rng.choice(["curl/8.5", "Mozilla/5.0 (X11)", ""])
        target = f"{path}?{query}" if query else path
        line = (
            f"{ip} - {user} [{when.strftime('%d/%b/%Y:%H:%M:%S %z')}] "
            f'"{method} {target} HTTP/{version}" {status} {size} "{referer}" "{agent}" {rt}'
        )
        parsed = parse_line(line)
        assert parsed == Entry(ip, when, method, path, query, status, 0 if size == "-" else int(size), float(rt)), line
        assert parsed.time.utcoffset() == when.utcoffset()
        lines.append(line)
        truth.append((f"{method} {path}", status, float(rt)))
    lines += ["", "not a log line", lines[0][:-6]]  # the last one loses its request time: unparsable
    report, bad = summarize(lines)
    assert bad == 3
    for key in {k for k, _, _ in truth}:
        mine = [(s, t) for k, s, t in truth if k == key]
        assert report[key]["count"] == len(mine)
        assert report[key]["error_rate"] == sum(s >= 500 for s, _ in mine) / len(mine)
        assert report[key]["median_s"] == statistics.median(t for _, t in mine)
    print(report)
