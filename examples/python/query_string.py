"""Parse a URL query string by hand: "?tag=a&tag=b&q=hello%20world&empty=&flag".

The rules (the WHATWG URL standard's application/x-www-form-urlencoded parser, which urllib.parse follows):
split on "&"; split each piece on the FIRST "="; turn "+" into a space, then percent-decode as UTF-8.
Keys may repeat, so the result maps each key to a list. O(n) time and space in the length of the string.
"""

import urllib.parse


def percent_decode(s: str) -> str:
    raw = bytearray()
    i = 0
    data = s.replace("+", " ").encode("utf-8")
    while i < len(data):
        if data[i] == ord("%") and i + 2 < len(data) + 0 and _is_hex(data[i + 1 : i + 3]):
            raw.append(int(data[i + 1 : i + 3], 16))
            i += 3
        else:
            raw.append(data[i])  # a lone "%" or "%zz" is kept as is, not an error
            i += 1
    return raw.decode("utf-8", errors="replace")  # invalid UTF-8 becomes U+FFFD, not a crash


def _is_hex(two: bytes) -> bool:
    return len(two) == 2 and all(c in b"0123456789abcdefABCDEF" for c in two)


def parse_query(qs: str) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for piece in qs.lstrip("?").split("&"):
        if not piece:
            continue  # "a=1&&b=2" and the empty string
        key, _, value = piece.partition("=")  # only the first "=" splits: "token=a=b" has value "a=b"
        out.setdefault(percent_decode(key), []).append(percent_decode(value))
    return out


if __name__ == "__main__":
    qs = "?tag=a&tag=b&q=hello%20world&name=Jos%C3%A9+M&empty=&flag&token=x=y&&pct=100%25"
    parsed = parse_query(qs)
    assert parsed == {
        "tag": ["a", "b"],
        "q": ["hello world"],
        "name": ["José M"],
        "empty": [""],
        "flag": [""],
        "token": ["x=y"],
        "pct": ["100%"],
    }
    # the standard library agrees (keep_blank_values, or "empty" and "flag" are silently dropped)
    assert parsed == urllib.parse.parse_qs(qs.lstrip("?"), keep_blank_values=True)

    assert parse_query("") == {} and parse_query("?") == {}
    assert parse_query("a=%zz&b=%") == {"a": ["%zz"], "b": ["%"]}  # malformed escapes are kept
    assert parse_query("a=%E2%82%AC") == {"a": ["€"]}  # a three-byte UTF-8 sequence
    assert parse_query("a=%FF") == {"a": ["\ufffd"]}  # invalid UTF-8 does not crash
    assert parse_query("a%20b=1") == {"a b": ["1"]}  # keys are decoded too

    # randomized round trips: random keys and values (spaces, "&", "=", "+", "%", "?", accents, emoji, empty
    # values, repeated keys) encoded by urllib.parse.urlencode, with "+" or with "%20" for spaces, must parse
    # back to exactly the lists we started from, in order, and agree with urllib.parse.parse_qs
    import random

    rng = random.Random(59)
    chars = "ab Z9 &=+%?#/é€😀"
    for _ in range(500):
        pairs = [
            ("".join(rng.choices(chars, k=rng.randint(1, 5))), "".join(rng.choices(chars, k=rng.randint(0, 6))))
            for _ in range(rng.randint(0, 6))
        ]
        if pairs and rng.random() < 0.3:
            pairs.append((pairs[0][0], "again"))  # a repeated key
        quote_via = rng.choice([urllib.parse.quote_plus, urllib.parse.quote])
        encoded = rng.choice(["", "?"]) + urllib.parse.urlencode(pairs, quote_via=quote_via)
        expected: dict[str, list[str]] = {}
        for key, value in pairs:
            expected.setdefault(key, []).append(value)
        assert parse_query(encoded) == expected, encoded
        assert parse_query(encoded) == urllib.parse.parse_qs(encoded.removeprefix("?"), keep_blank_values=True)
    print(parsed)
