"""Parse access-log lines and aggregate them: "from this nginx log, the p50 and error rate per endpoint".

The line format is nginx's default `combined` format plus the request time:
    $remote_addr - $remote_user [$time_local] "$request" $status $body_bytes_sent "$http_referer"
    "$http_user_agent" $request_time
One anchored regular expression with named groups parses a line in O(line length). Bad lines are counted
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
    print(report)
