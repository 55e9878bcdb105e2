"""The isolation-levels simulator's schedules: each anomaly at each PostgreSQL isolation level, replayed from
the two-session scripts in examples/sql/transactions and the results PostgreSQL gave for them (the
`.expected.md` files, which tests/sql checks against a real server on every `make test`).

Nothing here models PostgreSQL: every step, result, wait and error the reader steps through is one PostgreSQL
produced. The verdict of a cell (the anomaly happened, or was prevented, with or without an error) is read from
those results by the rules below.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from handbook.errors import HandbookError
from handbook.project import Project

LEVELS = {"read-committed": "READ COMMITTED", "repeatable-read": "REPEATABLE READ", "serializable": "SERIALIZABLE"}
_ROW = re.compile(r"^\| (\d+) \| (\w) \| `(.*)` \| (.*) \|$")
_ERROR = re.compile(r"ERROR (\w{5})")


@dataclass(frozen=True)
class Anomaly:
    title: str
    question: str
    scripts: dict[str, str]  # level -> script stem in examples/sql/transactions
    kind: str  # "read": A reads twice inside one transaction; "write": a final read shows the damage
    # For "write" anomalies: whether the final read's result shows the damage, and what the damage means.
    damaged: Callable[[str], bool] = field(default=lambda result: False)
    damage: str = ""


ANOMALIES = {
    "non-repeatable-read": Anomaly(
        "Non-repeatable read",
        "B updates a row between A's two reads. Does A see two different values?",
        {
            "read-committed": "03-non-repeatable-read-read-committed",
            "repeatable-read": "04-repeatable-read-snapshot",
            "serializable": "19-non-repeatable-read-serializable",
        },
        "read",
    ),
    "phantom-read": Anomaly(
        "Phantom read",
        "B inserts a matching row between A's two counts. Does A's count change?",
        {
            "read-committed": "20-phantom-read-committed",
            "repeatable-read": "05-phantom-repeatable-read",
            "serializable": "21-phantom-serializable",
        },
        "read",
    ),
    "lost-update": Anomaly(
        "Lost update",
        "A and B both read 100 and write back a value computed in the application. Is one write lost?",
        {
            "read-committed": "06-lost-update-read-committed",
            "repeatable-read": "22-lost-update-repeatable-read-read-then-write",
            "serializable": "26-lost-update-serializable",
        },
        "write",
        lambda result: result != "balance = 70.00",
        "withdrawals of 10 and 20 from 100 should leave 70.00",
    ),
    "write-skew": Anomaly(
        "Write skew",
        "Two doctors each check that someone else is on call, then go off call. Is nobody left on call?",
        {
            "read-committed": "23-write-skew-read-committed",
            "repeatable-read": "09-write-skew-repeatable-read",
            "serializable": "10-write-skew-serializable",
        },
        "write",
        lambda result: result == "on_call = 0",
        "the rule was that at least one doctor stays on call",
    ),
    "double-booking": Anomaly(
        "Write skew through a phantom insert",
        "Two users each check that a room's slot is free, then book it. Is the slot booked twice?",
        {
            "read-committed": "24-double-booking-read-committed",
            "repeatable-read": "25-double-booking-repeatable-read",
            "serializable": "15-phantom-insert-serializable",
        },
        "write",
        lambda result: ";" in result,
        "the slot has two bookers",
    ),
}


class ScheduleError(HandbookError):
    """A script the simulator replays is missing or its recorded results cannot be read."""


def read_rows(path: Path) -> list[dict]:
    """The steps of a `.expected.md` table: step, session, statement, result, and whether it waited or failed."""
    if not path.is_file():
        raise ScheduleError(f"{path}: missing; run `python -m tests.support.sql_examples --update transactions`")
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines()[2:]:
        match = _ROW.match(line)
        if not match:
            raise ScheduleError(f"{path}: cannot read the row {line!r}: regenerate it with tests/support/sql_examples")
        step, session, statement, result = match.groups()
        error = _ERROR.search(result)
        rows.append(
            {
                "step": int(step),
                "session": session,
                "statement": statement,
                "result": result.strip("`").replace("` (after waiting)", " (after waiting)"),
                "waiting": result == "waits for a lock",
                "error": error.group(1) if error else None,
            }
        )
    return rows


def in_transaction_reads(rows: list[dict], session: str) -> list[str]:
    """Results of `session`'s SELECTs between its BEGIN and its COMMIT."""
    reads, open_ = [], False
    for row in rows:
        if row["session"] != session:
            continue
        statement = row["statement"].upper()
        if statement.startswith("BEGIN"):
            open_ = True
        elif statement in ("COMMIT", "ROLLBACK"):
            open_ = False
        elif open_ and statement.startswith("SELECT"):
            reads.append(row["result"])
    return reads


def verdict(anomaly: Anomaly, rows: list[dict]) -> dict:
    """Whether this run shows the anomaly, read from PostgreSQL's results."""
    failed = next((row for row in rows if row["error"]), None)
    if failed:
        return {
            "kind": "error",
            "text": f"Prevented with an error: session {failed['session']} got {failed['error']} at step "
            f"{failed['step']} and must retry its transaction.",
        }
    if anomaly.kind == "read":
        first, *rest = in_transaction_reads(rows, "A")
        if any(read != first for read in rest):
            return {"kind": "anomaly", "text": f"Anomaly: inside one transaction A read {first}, then {rest[-1]}."}
        return {"kind": "prevented", "text": f"Prevented: both of A's reads returned {first} (its snapshot)."}
    final = next(row for row in reversed(rows) if row["statement"].upper().startswith("SELECT"))
    if anomaly.damaged(final["result"]):
        return {
            "kind": "anomaly",
            "text": f"Anomaly: both transactions committed and the data says {final['result']}, but {anomaly.damage}.",
        }
    return {"kind": "prevented", "text": f"Prevented: the data says {final['result']}."}


def matrix(project: Project) -> dict:
    """Every anomaly at every level: its steps as PostgreSQL ran them, and the verdict."""
    folder = project.root / "examples" / "sql" / "transactions"
    anomalies = {}
    for key, anomaly in ANOMALIES.items():
        levels = {}
        for level, stem in anomaly.scripts.items():
            rows = read_rows(folder / f"{stem}.expected.md")
            levels[level] = {
                "script": f"examples/sql/transactions/{stem}.sql",
                "rows": rows,
                "verdict": verdict(anomaly, rows),
            }
        anomalies[key] = {"title": anomaly.title, "question": anomaly.question, "levels": levels}
    return {"levels": LEVELS, "anomalies": anomalies}
