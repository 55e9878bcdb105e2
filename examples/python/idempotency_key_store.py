"""An in-memory idempotency-key store running the server algorithm, with an injected clock.

A request carrying an Idempotency-Key first *claims* the key together with a fingerprint of the request (a
hash of method, path and body), before any side effect. Then:
    the key is new (or expired)        -> this request owns it: do the work, store the response
    same key, different fingerprint    -> 422 (the client reused a key for another operation)
    same key, still in progress        -> 409 (a concurrent retry; try again later)
    same key, completed                -> replay the stored status and body, do not run the work again
Keys expire `ttl` seconds after they were claimed. One lock makes "check and claim" a single atomic step, as the
unique constraint does in a database; the work runs outside the lock. Each operation is O(1) time; the store
holds one record per live key. Standard library only.
"""

from __future__ import annotations

import hashlib
import json
import threading
from collections.abc import Callable
from dataclasses import dataclass

IN_PROGRESS, COMPLETED = "in_progress", "completed"


def fingerprint(method: str, path: str, body: dict) -> str:
    """Hash of what the request asks for; sort_keys makes {"a": 1, "b": 2} and {"b": 2, "a": 1} the same."""
    canonical = json.dumps([method, path, body], sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(canonical.encode()).hexdigest()


@dataclass
class Record:
    fingerprint: str
    state: str
    claimed_at: float
    status: int | None = None
    body: dict | None = None


class IdempotencyStore:
    def __init__(self, ttl: float, clock: Callable[[], float]) -> None:
        self.ttl = ttl
        self.clock = clock
        self.records: dict[tuple[str, str], Record] = {}  # keyed by (client, key): keys are scoped per client
        self.lock = threading.Lock()

    def claim(self, client: str, key: str, fp: str) -> tuple[str, Record]:
        """Atomically claim the key, or report why not: ("claimed" | "mismatch" | "in_progress" | "replay", record)."""
        with self.lock:
            now = self.clock()
            record = self.records.get((client, key))
            if record is not None and now - record.claimed_at >= self.ttl:
                record = None  # expired: the key is free again
            if record is None:
                record = self.records[(client, key)] = Record(fp, IN_PROGRESS, now)
                return "claimed", record
            if record.fingerprint != fp:
                return "mismatch", record
            return ("in_progress" if record.state == IN_PROGRESS else "replay"), record

    def complete(self, client: str, key: str, status: int, body: dict) -> None:
        with self.lock:
            record = self.records[(client, key)]
            record.state, record.status, record.body = COMPLETED, status, body

    def release(self, client: str, key: str) -> None:
        """The work failed before any side effect (a timeout reaching the database): let a retry run it."""
        with self.lock:
            self.records.pop((client, key), None)


def handle(
    store: IdempotencyStore, client: str, key: str, method: str, path: str, body: dict, work: Callable[[], tuple]
) -> tuple[int, dict]:
    """Answer one request: claim, then run `work` (returns (status, body)) only if this request owns the key."""
    outcome, record = store.claim(client, key, fingerprint(method, path, body))
    if outcome == "mismatch":
        return 422, {"error": "Idempotency-Key reused with a different request"}
    if outcome == "in_progress":
        return 409, {"error": "a request with this Idempotency-Key is in progress; retry later"}
    if outcome == "replay":
        return record.status, record.body
    try:
        status, response = work()
    except Exception:
        store.release(client, key)
        raise
    store.complete(client, key, status, response)  # a stored error (402 declined) is replayed like a success
    return status, response


if __name__ == "__main__":

    class FakeClock:
        def __init__(self) -> None:
            self.now = 0.0

        def __call__(self) -> float:
            return self.now

    class Payments:
        """The side effect to protect: every call to charge() moves money."""

        def __init__(self) -> None:
            self.charges: list[int] = []

        def charge(self, amount: int) -> tuple[int, dict]:
            self.charges.append(amount)
            if amount > 1000:
                return 402, {"error": "card declined"}
            return 201, {"payment_id": f"pay_{len(self.charges)}", "amount": amount}

    clock = FakeClock()
    store = IdempotencyStore(ttl=24 * 3600, clock=clock)
    bank = Payments()

    def pay(key: str, amount: int, client: str = "acme") -> tuple[int, dict]:
        return handle(store, client, key, "POST", "/payments", {"amount": amount}, lambda: bank.charge(amount))

    # First request runs the work; the retry (same key, same body) replays the stored response, no second charge.
    first = pay("k1", 50)
    assert first == (201, {"payment_id": "pay_1", "amount": 50})
    clock.now = 30.0
    assert pay("k1", 50) == first and bank.charges == [50]

    # Same key, different body: 422, and nothing is charged.
    status, body = pay("k1", 75)
    assert status == 422 and "different request" in body["error"] and bank.charges == [50]
    # The fingerprint ignores key order in the body but not the method, path or values.
    assert fingerprint("POST", "/p", {"a": 1, "b": 2}) == fingerprint("POST", "/p", {"b": 2, "a": 1})
    assert fingerprint("POST", "/p", {"a": 1}) != fingerprint("PUT", "/p", {"a": 1})

    # In progress: a retry that arrives while the first request is still working gets 409.
    def slow_charge() -> tuple[int, dict]:
        assert pay("k2", 20) == (409, {"error": "a request with this Idempotency-Key is in progress; retry later"})
        return bank.charge(20)

    assert handle(store, "acme", "k2", "POST", "/payments", {"amount": 20}, slow_charge)[0] == 201
    assert pay("k2", 20)[1]["amount"] == 20 and bank.charges == [50, 20]  # completed now: replayed

    # A stored error is replayed too: the card was really declined, retrying must not charge again.
    assert pay("k3", 5000) == (402, {"error": "card declined"})
    assert pay("k3", 5000) == (402, {"error": "card declined"}) and bank.charges == [50, 20, 5000]

    # A failure before any side effect releases the key, so the retry runs the work.
    def timeout() -> tuple[int, dict]:
        raise TimeoutError("database unreachable")

    try:
        handle(store, "acme", "k4", "POST", "/payments", {"amount": 9}, timeout)
    except TimeoutError:
        pass
    else:
        raise AssertionError("the failure must propagate")
    assert pay("k4", 9)[0] == 201 and bank.charges == [50, 20, 5000, 9]

    # Keys are scoped per client: another customer's "k1" is a different key.
    assert pay("k1", 50, client="globex")[1]["payment_id"] == "pay_5"

    # TTL: one second before expiry the key still replays; at expiry it is free, and the same request runs again.
    clock.now = 24 * 3600 - 1.0
    assert pay("k1", 50) == first and len(bank.charges) == 5
    clock.now = 24 * 3600.0
    assert pay("k1", 50) == (201, {"payment_id": "pay_6", "amount": 50}) and len(bank.charges) == 6
    assert pay("k1", 75)[0] == 422  # the new claim holds the key again, with its own fingerprint

    # Concurrent duplicates: 8 threads send the same request with the same key at the same moment (a barrier
    # releases them together). Exactly one wins the claim; its work waits until the other 7 have answered, so all
    # 7 see the key in progress and get 409. One charge; a later retry replays the winner's response.
    threads_n = 8
    barrier = threading.Barrier(threads_n)
    others_done = threading.Event()
    results: list[tuple[int, dict]] = []
    results_lock = threading.Lock()

    def charge_when_others_answered() -> tuple[int, dict]:
        assert others_done.wait(timeout=10), "the duplicates never answered"
        return bank.charge(300)

    def client_thread() -> None:
        barrier.wait()
        result = handle(store, "acme", "k5", "POST", "/payments", {"amount": 300}, charge_when_others_answered)
        with results_lock:
            results.append(result)
            if sum(status == 409 for status, _ in results) == threads_n - 1:
                others_done.set()

    threads = [threading.Thread(target=client_thread) for _ in range(threads_n)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=15)
    statuses = sorted(status for status, _ in results)
    assert statuses == [201] + [409] * (threads_n - 1), statuses
    assert bank.charges.count(300) == 1
    winner = next(r for r in results if r[0] == 201)
    assert pay("k5", 300) == winner and bank.charges.count(300) == 1
    print("idempotency keys: one charge per key, duplicates got", statuses.count(409), "x 409 and a replay")
