"""A lease-based lock with fencing tokens, and a storage service that rejects stale tokens.

The lock service grants a lease with a time-to-live and a token that grows by one on every grant
(like a ZooKeeper zxid or an etcd revision). The storage remembers the highest token it has seen
and refuses writes that carry a lower one. Time is simulated, so the paused client is deterministic.
"""

from dataclasses import dataclass


class Clock:
    """A fake monotonic clock in milliseconds, advanced by the test."""

    def __init__(self) -> None:
        self.now_ms = 0

    def advance(self, ms: int) -> None:
        self.now_ms += ms


@dataclass
class Lease:
    holder: str
    token: int
    expires_at_ms: int


class LockService:
    """Grants one lease at a time; an expired lease may be granted to someone else."""

    def __init__(self, clock: Clock, ttl_ms: int) -> None:
        self.clock = clock
        self.ttl_ms = ttl_ms
        self.lease: Lease | None = None
        self.last_token = 0

    def acquire(self, client: str) -> int | None:
        now = self.clock.now_ms
        if self.lease is not None and self.lease.expires_at_ms > now:
            return None  # someone holds a live lease
        self.last_token += 1  # monotonic: never reused, never decreases
        self.lease = Lease(client, self.last_token, now + self.ttl_ms)
        return self.last_token

    def renew(self, client: str, token: int) -> bool:
        now = self.clock.now_ms
        lease = self.lease
        if lease is None or lease.token != token or lease.expires_at_ms <= now:
            return False  # too late: the lease expired or was granted to another client
        lease.expires_at_ms = now + self.ttl_ms
        return True


class StaleTokenError(Exception):
    pass


class FencedStorage:
    """The protected resource: it checks the token itself instead of trusting the client."""

    def __init__(self) -> None:
        self.highest_token_seen = 0
        self.data: dict[str, str] = {}
        self.rejected: list[tuple[str, int]] = []

    def write(self, key: str, value: str, token: int) -> None:
        # In a real store this check and the write must be atomic (one transaction or a
        # conditional write such as UPDATE ... WHERE fence_token <= :token).
        if token < self.highest_token_seen:
            self.rejected.append((value, token))
            raise StaleTokenError(f"token {token} < {self.highest_token_seen}")
        self.highest_token_seen = token
        self.data[key] = value


class UnfencedStorage:
    """What most storage does by default: accept any write."""

    def __init__(self) -> None:
        self.data: dict[str, str] = {}

    def write(self, key: str, value: str, token: int) -> None:
        self.data[key] = value


def paused_client_scenario(storage) -> None:
    clock = Clock()
    locks = LockService(clock, ttl_ms=10_000)

    token_a = locks.acquire("client-a")  # token 1
    assert token_a == 1
    # Client A checks that it holds the lock, then stops for 15 s (GC pause, VM migration...).
    clock.advance(15_000)
    assert locks.renew("client-a", token_a) is False  # the lease expired during the pause

    token_b = locks.acquire("client-b")  # the lock service rightly grants a new lease
    assert token_b == 2
    storage.write("report.csv", "written by B", token_b)

    # A wakes up, still believing it holds the lock, and writes with its old token.
    try:
        storage.write("report.csv", "written by A (stale)", token_a)
    except StaleTokenError:
        pass


if __name__ == "__main__":
    unfenced = UnfencedStorage()
    paused_client_scenario(unfenced)
    # Without fencing, the paused client silently overwrote B's data.
    assert unfenced.data["report.csv"] == "written by A (stale)"

    fenced = FencedStorage()
    paused_client_scenario(fenced)
    # With fencing, the storage refused the stale write and B's data survives.
    assert fenced.data["report.csv"] == "written by B"
    assert fenced.rejected == [("written by A (stale)", 1)]
    assert fenced.highest_token_seen == 2

    # A live lease blocks other clients, and renewing keeps it alive.
    clock = Clock()
    locks = LockService(clock, ttl_ms=10_000)
    t = locks.acquire("a")
    clock.advance(6_000)
    assert locks.acquire("b") is None
    assert locks.renew("a", t) is True
    clock.advance(6_000)
    assert locks.acquire("b") is None  # renewed at 6 s, so it lives until 16 s
    clock.advance(5_000)
    assert locks.acquire("b") == t + 1  # expired at 16 s; the new token is larger
    print("fencing tokens: stale write rejected, fresh write kept")
