"""Verifying an HS256 JWT the strict way, and signing URLs with an HMAC, using only the standard library.

The verifier follows RFC 8725 (JWT best current practice): the algorithm comes from the server's configuration,
never from the token's header, so `alg: none` and algorithm-confusion tokens fail; the signature is compared in
constant time; `exp`, `iss` and `aud` are checked. A naive verifier that trusts the header is included to show
the attack it falls for. (Production code should use a maintained JOSE library configured the same way.)
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json


class InvalidToken(Exception):
    pass


def b64url(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def b64url_decode(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def sign_hs256(claims: dict, key: bytes, header: dict | None = None) -> str:
    header = header or {"alg": "HS256", "typ": "JWT"}
    signing_input = f"{b64url(json.dumps(header).encode())}.{b64url(json.dumps(claims).encode())}"
    signature = hmac.new(key, signing_input.encode(), hashlib.sha256).digest()
    return f"{signing_input}.{b64url(signature)}"


def verify(token: str, key: bytes, *, now: float, issuer: str, audience: str, algorithm: str = "HS256") -> dict:
    """Claims of a valid token; InvalidToken otherwise. `algorithm` is configuration, not input."""
    try:
        header_b64, claims_b64, signature_b64 = token.split(".")
        header = json.loads(b64url_decode(header_b64))
        claims = json.loads(b64url_decode(claims_b64))
        signature = b64url_decode(signature_b64)
    except ValueError as exc:  # wrong number of parts, bad base64 or bad JSON
        raise InvalidToken("malformed token") from exc
    if header.get("alg") != algorithm:  # rejects "none", and RS256/HS256 confusion in either direction
        raise InvalidToken(f"algorithm {header.get('alg')!r} is not the configured {algorithm!r}")
    expected = hmac.new(key, f"{header_b64}.{claims_b64}".encode(), hashlib.sha256).digest()
    if not hmac.compare_digest(signature, expected):  # constant time: no early exit on the first wrong byte
        raise InvalidToken("bad signature")
    if not isinstance(claims.get("exp"), (int, float)) or now >= claims["exp"]:
        raise InvalidToken("expired or no exp")
    if claims.get("iss") != issuer:
        raise InvalidToken("wrong issuer")
    audiences = claims.get("aud") if isinstance(claims.get("aud"), list) else [claims.get("aud")]
    if audience not in audiences:
        raise InvalidToken("token is for another audience")
    return claims


def naive_verify(token: str, keys: dict[str, bytes]) -> dict:
    """The classic bug: pick the algorithm from the token's own header."""
    header_b64, claims_b64, signature_b64 = token.split(".")
    alg = json.loads(b64url_decode(header_b64))["alg"]
    if alg == "none":
        return json.loads(b64url_decode(claims_b64))
    expected = hmac.new(keys[alg], f"{header_b64}.{claims_b64}".encode(), hashlib.sha256).digest()
    if not hmac.compare_digest(b64url_decode(signature_b64), expected):
        raise InvalidToken("bad signature")
    return json.loads(b64url_decode(claims_b64))


def sign_url(path: str, expires: int, key: bytes) -> str:
    signature = hmac.new(key, f"{path}|{expires}".encode(), hashlib.sha256).digest()
    return f"{path}?expires={expires}&sig={b64url(signature)}"


def verify_url(url: str, key: bytes, now: float) -> str:
    """The path a valid signed URL grants; InvalidToken otherwise. The edge then caches by path alone."""
    path, _, query = url.partition("?")
    params = dict(part.split("=", 1) for part in query.split("&") if "=" in part)
    if "expires" not in params or "sig" not in params:
        raise InvalidToken("unsigned URL")
    expected = hmac.new(key, f"{path}|{params['expires']}".encode(), hashlib.sha256).digest()
    if not hmac.compare_digest(b64url_decode(params["sig"]), expected):
        raise InvalidToken("bad signature")
    if now >= int(params["expires"]):
        raise InvalidToken("expired")
    return path


def rejected(check) -> str:
    try:
        check()
    except InvalidToken as exc:
        return str(exc)
    raise AssertionError("accepted a token that must be rejected")


if __name__ == "__main__":
    key = bytes(range(32))  # 256 random bits in real life (RFC 8725: HMAC keys need enough entropy)
    claims = {"sub": "user-42", "iss": "https://id.example.com", "aud": "orders-api", "exp": 1_000_900}
    good = sign_hs256(claims, key)
    check = {"now": 1_000_000, "issuer": "https://id.example.com", "audience": "orders-api"}
    assert verify(good, key, **check)["sub"] == "user-42"

    # alg "none": no signature at all. The naive verifier accepts it; the strict one does not.
    header, body, _ = good.split(".")
    unsigned = f"{b64url(json.dumps({'alg': 'none'}).encode())}.{body}."
    assert naive_verify(unsigned, {"HS256": key})["sub"] == "user-42"
    assert "'none'" in rejected(lambda: verify(unsigned, key, **check))

    # Algorithm confusion: the API expects RS256 and knows only the issuer's PUBLIC key, which anyone can read.
    # An attacker signs a token with HMAC using the public key's bytes as the secret and says alg=HS256.
    public_key_pem = b"-----BEGIN PUBLIC KEY-----\nMIIBIjANBgkqh...\n-----END PUBLIC KEY-----\n"
    forged = sign_hs256({**claims, "sub": "admin"}, public_key_pem, header={"alg": "HS256"})
    assert naive_verify(forged, {"HS256": public_key_pem})["sub"] == "admin"  # a library keyed by header alg
    assert "'HS256' is not the configured 'RS256'" in rejected(
        lambda: verify(forged, public_key_pem, **check, algorithm="RS256")
    )

    # Tampering, a wrong key, expiry and the audience.
    tampered = f"{header}.{b64url(json.dumps({**claims, 'sub': 'admin'}).encode())}.{good.split('.')[2]}"
    assert rejected(lambda: verify(tampered, key, **check)) == "bad signature"
    assert rejected(lambda: verify(good, b"another key" * 3, **check)) == "bad signature"
    assert rejected(lambda: verify(good, key, **{**check, "now": 1_000_900})) == "expired or no exp"
    assert (
        rejected(lambda: verify(good, key, **{**check, "audience": "billing-api"})) == "token is for another audience"
    )
    assert rejected(lambda: verify("not.a-token", key, **check)) == "malformed token"

    # A JWS is signed, not encrypted: anyone holding the token can read its claims.
    assert json.loads(b64url_decode(body))["sub"] == "user-42"

    # Signed URLs: valid until the expiry, bound to the path, useless once edited.
    url = sign_url("/videos/7/720p.mp4", expires=1_000_600, key=key)
    assert verify_url(url, key, now=1_000_000) == "/videos/7/720p.mp4"
    assert rejected(lambda: verify_url(url, key, now=1_000_600)) == "expired"
    assert rejected(lambda: verify_url(url.replace("/7/", "/8/"), key, now=1_000_000)) == "bad signature"
    assert rejected(lambda: verify_url(url.replace("1000600", "9999999"), key, now=1_000_000)) == "bad signature"
    print("strict verification rejects alg=none, algorithm confusion, tampering, expiry and the wrong audience")
