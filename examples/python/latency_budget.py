"""Where a request's time goes: round trips for DNS, TCP, TLS and HTTP, plus TCP slow start for the body.

Every phase is counted in round-trip times (RTT), so the same code answers "why is the first request slow"
for HTTP/1.1 over TLS 1.2, over TLS 1.3, HTTP/3 over QUIC, and a request on a reused (pooled) connection.
"""

from __future__ import annotations

import math

# Handshake round trips before the client can send its request, per protocol stack.
HANDSHAKE_RTTS = {
    "tcp+tls1.2": 1 + 2,  # TCP SYN/SYN-ACK, then a full TLS 1.2 handshake (2 RTT)
    "tcp+tls1.3": 1 + 1,  # TCP, then a TLS 1.3 handshake (1 RTT)
    "quic": 1,  # QUIC carries the TLS 1.3 handshake in its own first round trip
    "quic-0rtt": 0,  # resumed QUIC with early data: the request rides in the first flight
    "reused": 0,  # a pooled keep-alive connection: no handshake at all
}

MSS = 1460  # bytes of payload per TCP segment on a 1500-byte Ethernet MTU
INITIAL_WINDOW = 10  # segments (RFC 6928)


def slow_start_rtts(body_bytes: int, initial_window: int = INITIAL_WINDOW, mss: int = MSS) -> int:
    """Round trips to deliver a body when the congestion window starts at initial_window and doubles each RTT.

    The first flight goes out with the response itself, so a body that fits the initial window costs 0 extra RTTs.
    Losses and the receive window are ignored: this is the best case.
    """
    segments = math.ceil(body_bytes / mss)
    sent, window, extra = initial_window, initial_window, 0
    while sent < segments:
        window *= 2
        sent += window
        extra += 1
    return extra


def request_ms(
    stack: str,
    rtt_ms: float,
    server_ms: float,
    body_bytes: int,
    dns_ms: float = 0.0,
    warm_window: bool = False,
) -> float:
    """Milliseconds from "the code calls the client" to "the last byte of the body arrives".

    warm_window: the connection already grew its congestion window (a reused connection that was not idle).
    """
    # The request itself costs one more RTT; with 0-RTT it rides in the first flight, which is that same RTT.
    first_byte_rtts = HANDSHAKE_RTTS[stack] + 1
    extra = 0 if warm_window else slow_start_rtts(body_bytes)
    return dns_ms + first_byte_rtts * rtt_ms + server_ms + extra * rtt_ms


if __name__ == "__main__":
    # A 100 KB response needs 69 segments: 10 + 20 + 40 = 70 after two doublings, so 2 extra RTTs.
    assert math.ceil(100_000 / MSS) == 69
    assert slow_start_rtts(14_000) == 0  # fits the initial window of 10 x 1460 = 14,600 bytes
    assert slow_start_rtts(100_000) == 2
    assert slow_start_rtts(1_000_000) == 6  # 685 segments: 10+20+40+80+160+320+640 > 685 after 6 doublings

    rtt, server, body, dns = 80.0, 50.0, 100_000, 30.0  # a client an ocean away from the only region
    cold = {s: request_ms(s, rtt, server, body, dns_ms=dns) for s in ("tcp+tls1.2", "tcp+tls1.3", "quic")}
    # TLS 1.2: DNS 30 + 4 RTT to the first byte (320) + server 50 + 2 RTT of slow start (160) = 560 ms.
    assert cold["tcp+tls1.2"] == 560.0
    assert cold["tcp+tls1.3"] == 480.0  # one handshake RTT fewer
    assert cold["quic"] == 400.0  # transport and TLS handshakes merged
    resumed = request_ms("quic-0rtt", rtt, server, body, dns_ms=0.0)
    assert resumed == 80.0 + 50.0 + 160.0  # one RTT, the server, and slow start still applies
    pooled = request_ms("reused", rtt, server, body, warm_window=True)
    assert pooled == 130.0  # one RTT plus server time: pooling removes 350 of the 480 ms cold TLS 1.3 cost

    # The same request from a client 10 ms away: network time shrinks eightfold, server time does not.
    near = request_ms("tcp+tls1.3", 10.0, server, body, dns_ms=5.0)
    assert near == 5.0 + 3 * 10.0 + 50.0 + 2 * 10.0 == 105.0
    for name, ms in {**cold, "quic-0rtt": resumed, "reused": pooled, "near tls1.3": near}.items():
        print(f"{name:12s} {ms:6.0f} ms")
