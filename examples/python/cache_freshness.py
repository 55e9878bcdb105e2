"""What an HTTP cache may do with a stored response right now: serve it, serve it stale, or ask the origin.

Follows RFC 9111 (freshness lifetime, 4.2.1; heuristic freshness, 4.2.2; age, 4.2.3; serving stale, 4.2.4) and
RFC 5861 (stale-while-revalidate, stale-if-error), for a shared cache (a CDN) or a private one (a browser).
Times are seconds since an arbitrary epoch; header values are already parsed from their HTTP-date form.
"""

from __future__ import annotations

from dataclasses import dataclass


def parse_cache_control(value: str) -> dict[str, int | None]:
    """`public, max-age=60, stale-while-revalidate=30` -> {"public": None, "max-age": 60, ...}."""
    directives: dict[str, int | None] = {}
    for part in value.split(","):
        name, _, argument = part.strip().partition("=")
        if name:
            directives[name.lower()] = int(argument.strip('"')) if argument else None
    return directives


@dataclass(frozen=True)
class StoredResponse:
    cache_control: str
    date: float  # the Date header: when the origin generated the response
    request_time: float  # when the cache sent the request
    response_time: float  # when the cache received the response
    age: float = 0.0  # the Age header, set by caches upstream (an origin shield)
    expires: float | None = None
    last_modified: float | None = None


def freshness_lifetime(r: StoredResponse, shared: bool) -> float:
    cc = parse_cache_control(r.cache_control)
    if shared and cc.get("s-maxage") is not None:
        return cc["s-maxage"]
    if cc.get("max-age") is not None:
        return cc["max-age"]
    if r.expires is not None:
        return max(0.0, r.expires - r.date)
    if r.last_modified is not None:  # heuristic: 10% of the time since the last change, as RFC 9111 suggests
        return 0.1 * max(0.0, r.date - r.last_modified)
    return 0.0


def current_age(r: StoredResponse, now: float) -> float:
    apparent_age = max(0.0, r.response_time - r.date)
    corrected_age_value = r.age + (r.response_time - r.request_time)  # add the time the response spent in transit
    return max(apparent_age, corrected_age_value) + (now - r.response_time)


def decide(r: StoredResponse, now: float, shared: bool = True, origin_failing: bool = False) -> str:
    cc = parse_cache_control(r.cache_control)
    if "no-store" in cc or (shared and "private" in cc):
        return "not stored"
    if "no-cache" in cc:
        return "revalidate"  # may be stored, but never reused without asking the origin
    lifetime, age = freshness_lifetime(r, shared), current_age(r, now)
    if age < lifetime:
        return "fresh"
    # s-maxage implies proxy-revalidate, which implies must-revalidate for shared caches (RFC 9111, 5.2.2.10).
    no_stale = "must-revalidate" in cc or (shared and ("proxy-revalidate" in cc or "s-maxage" in cc))
    if no_stale:
        return "revalidate"
    stale_for = age - lifetime
    if origin_failing and stale_for < (cc.get("stale-if-error") or 0):
        return "stale, origin failing"
    if stale_for < (cc.get("stale-while-revalidate") or 0):
        return "stale, revalidate in background"
    return "revalidate"


if __name__ == "__main__":
    # Received at t=100 with Age: 10 from the shield, so the copy was already 10 s old (transit time ignored).
    swr = StoredResponse(
        "public, max-age=60, stale-while-revalidate=30", date=90, request_time=100, response_time=100, age=10
    )
    assert current_age(swr, now=140) == 50
    assert decide(swr, now=140) == "fresh"  # age 50 < 60
    assert decide(swr, now=155) == "stale, revalidate in background"  # age 65: 5 s stale, within 30
    assert decide(swr, now=185) == "revalidate"  # age 95: 35 s stale, beyond the 30 s window

    # s-maxage for the CDN, max-age for browsers. Stale serving is off in the shared cache by the RFC's rule.
    split = StoredResponse(
        "max-age=600, s-maxage=60, stale-while-revalidate=30", date=0, request_time=0, response_time=0
    )
    assert decide(split, now=70, shared=True) == "revalidate"  # s-maxage implies proxy-revalidate
    assert decide(split, now=70, shared=False) == "fresh"  # a browser uses max-age=600 and ignores s-maxage

    # stale-if-error keeps a page up through an origin outage, for up to a day past expiry.
    if_error = StoredResponse("public, max-age=300, stale-if-error=86400", date=0, request_time=0, response_time=0)
    assert decide(if_error, now=3_600, origin_failing=True) == "stale, origin failing"
    assert decide(if_error, now=3_600) == "revalidate"  # a healthy origin is asked
    assert decide(if_error, now=90_000, origin_failing=True) == "revalidate"  # 89,700 s stale: beyond the day

    # No Cache-Control: Expires minus Date, else 10% of the time since Last-Modified.
    expires = StoredResponse("", date=1_000, request_time=1_000, response_time=1_000, expires=4_600)
    assert freshness_lifetime(expires, shared=True) == 3_600
    heuristic = StoredResponse("", date=864_000, request_time=864_000, response_time=864_000, last_modified=0)
    assert freshness_lifetime(heuristic, shared=True) == 86_400  # modified 10 days ago: fresh for 1 day

    # A response whose Date is 20 s behind because the origin's clock is slow still ages from what was observed.
    slow_clock = StoredResponse("max-age=60", date=80, request_time=99, response_time=100)
    assert current_age(slow_clock, now=100) == 20  # apparent age wins over the 1 s of transit

    assert decide(StoredResponse("private, max-age=60", 0, 0, 0), now=1) == "not stored"
    assert decide(StoredResponse("private, max-age=60", 0, 0, 0), now=1, shared=False) == "fresh"
    assert decide(StoredResponse("no-cache", 0, 0, 0), now=1) == "revalidate"
    print("all freshness decisions match RFC 9111 and RFC 5861")
