"""Run the SQL examples under `examples/sql/` and compare each result with the expected file beside it.

Layout: `examples/sql/<topic>/schema.sql` creates and seeds the topic's tables (run once, not compared); every
other `NN-name.sql` runs in file order in the topic's own database, and `NN-name.expected.md` holds what it
returns, rendered as Markdown that the page includes under the query. A file whose blocks start with
`-- session A` / `-- session B` is a two-session script: the blocks run in that order on two connections, and
a statement that waits on a lock is recorded as waiting until the step that releases it. Whether a statement
waits is asked of PostgreSQL (`pg_stat_activity`), not guessed from how long it takes, so a busy machine
records the same steps as a quiet one.

Usage: python -m tests.support.sql_examples [--update] [TOPIC...]  (starts its own throwaway PostgreSQL).
"""

from __future__ import annotations

import argparse
import difflib
import re
import sys
import time
from concurrent.futures import ALL_COMPLETED, Future, ThreadPoolExecutor, wait
from concurrent.futures import TimeoutError as FutureTimeout
from dataclasses import dataclass
from pathlib import Path

import psycopg

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "examples" / "sql"
SESSION = re.compile(r"^-- session (\w+)\s*$", re.M)
BLOCKED_AFTER = 0.5  # seconds to wait for an answer before asking whether a statement waits on a lock
SLOW_LIMIT = 120  # seconds a statement may run, not waiting on a lock, before the example is called stuck
SERVER_SETTINGS = {"deadlock_timeout": "200ms", "lock_timeout": "0", "max_connections": "30"}
# A backend waits on a lock while it shows a lock wait and some session still blocks it. The second half matters:
# PostgreSQL grants a released lock to the next in its queue at once, but the waiter's own process clears its wait
# event only when it next runs, which on a busy machine came after the runner looked (and recorded it a step late).
_WAITING = (
    "SELECT wait_event_type = 'Lock' AND cardinality(pg_blocking_pids(pid)) > 0 FROM pg_stat_activity WHERE pid = %s"
)


def waits_on_a_lock(monitor: psycopg.Connection, pid: int) -> bool:
    """Whether the backend `pid` waits on a lock that some session still holds or is queued for before it."""
    row = monitor.execute(_WAITING, (pid,)).fetchone()
    return bool(row and row[0])


def query_files(topic: Path) -> list[Path]:
    return sorted(p for p in topic.glob("*.sql") if p.name != "schema.sql")


def expected_path(query: Path) -> Path:
    return query.with_suffix(".expected.md")


def split_statements(sql: str) -> list[str]:
    """Statements end with `;` at the end of a line; comments-only chunks are dropped."""
    chunks = re.split(r";[ \t]*(?:--[^\n]*)?\n", sql.strip() + "\n")
    statements = []
    for chunk in chunks:
        body = "\n".join(line for line in chunk.splitlines() if not line.strip().startswith("--")).strip()
        if body:
            statements.append(body.rstrip(";"))
    return statements


def cell(value) -> str:
    if value is None:
        return "NULL"
    if isinstance(value, bool):
        return "t" if value else "f"
    return str(value).replace("|", "\\|").replace("\n", " ")


def table(columns: list[str], rows: list[tuple]) -> str:
    lines = ["| " + " | ".join(columns) + " |", "|" + "---|" * len(columns)]
    lines += ["| " + " | ".join(cell(v) for v in row) + " |" for row in rows]
    return "\n".join(lines)


def error_text(error: psycopg.Error) -> str:
    # The primary message only: DETAIL lines carry process and transaction ids that change every run.
    return f"ERROR {error.sqlstate}: {error.diag.message_primary}"


def run_single(connection: psycopg.Connection, sql: str) -> str:
    """Every statement's rows as a table, a plan as a text block, an error as its primary message."""
    parts = []
    for statement in split_statements(sql):
        try:
            cursor = connection.execute(statement)
        except psycopg.Error as error:
            parts.append(f"```text\n{error_text(error)}\n```")
            continue
        if cursor.description is None:
            continue
        columns = [column.name for column in cursor.description]
        rows = cursor.fetchall()
        if columns == ["QUERY PLAN"]:
            parts.append("```text\n" + "\n".join(row[0] for row in rows) + "\n```")
        else:
            parts.append(table(columns, rows))
    return "\n\n".join(parts) + "\n"


def summary(cursor: psycopg.Cursor) -> str:
    if cursor.description is None:
        return f"`{cursor.statusmessage}`"
    rows = cursor.fetchall()
    columns = [column.name for column in cursor.description]
    if len(rows) <= 3 and len(columns) <= 3:
        shown = "; ".join(", ".join(f"{c} = {cell(v)}" for c, v in zip(columns, row, strict=True)) for row in rows)
        return f"`{shown}`" if shown else "no rows"
    return f"{len(rows)} rows"


@dataclass
class _Waiting:
    session: str
    statement: str
    future: Future


class _Sessions:
    """One connection and one thread per session, a monitor connection that asks PostgreSQL which session waits
    on a lock, and the table of steps."""

    def __init__(self, conninfo: str, names: list[str]) -> None:
        self.connections = {name: psycopg.connect(conninfo, autocommit=True) for name in names}
        self.pids = {name: connection.info.backend_pid for name, connection in self.connections.items()}
        self.monitor = psycopg.connect(conninfo, autocommit=True)
        self.pools = {name: ThreadPoolExecutor(max_workers=1) for name in names}
        self.rows = ["| Step | Session | Statement | Result |", "|---:|---|---|---|"]
        self.waiting: list[_Waiting] = []  # in the order the statements began to wait

    def step(self, name: str, statement: str) -> None:
        for item in list(self.waiting):  # a session's next statement waits for its previous one
            if item.session == name:
                item.future.result(timeout=SLOW_LIMIT)
                self.settle(0)
        future = self.pools[name].submit(self._execute, name, statement)
        result = self._answer(name, statement, future)
        if result is None:
            self._record(name, statement, "waits for a lock")
            self.waiting.append(_Waiting(name, statement, future))
        else:
            self._record(name, statement, result)
        self.settle(BLOCKED_AFTER)

    def finish(self) -> str:
        for item in self.waiting:
            item.future.result(timeout=SLOW_LIMIT)
        self.settle(0)
        return "\n".join(self.rows) + "\n"

    def settle(self, first_wait: float) -> None:
        """Record the waiting statements that have finished, in the order they began to wait.

        After `first_wait`, a statement that no longer waits on a lock has been released and is waited for, however
        long it runs. Statements released together are recorded in queue order, the order PostgreSQL grants a lock
        queue in; taking them in the order they happen to answer would make the table depend on thread timing.
        """
        if not self.waiting:
            return
        wait([item.future for item in self.waiting], timeout=first_wait, return_when=ALL_COMPLETED)
        since = time.monotonic()
        while released := [i for i in self.waiting if not i.future.done() and not self._waits_on_a_lock(i.session)]:
            wait([item.future for item in released], timeout=BLOCKED_AFTER, return_when=ALL_COMPLETED)
            _check_not_stuck(released[0].session, released[0].statement, since)
        for item in list(self.waiting):
            if item.future.done():
                self.waiting.remove(item)
                self._record(item.session, item.statement, f"{item.future.result()} (after waiting)")

    def close(self) -> None:
        for connection in self.connections.values():
            connection.cancel_safe() if hasattr(connection, "cancel_safe") else connection.cancel()
            connection.close()
        self.monitor.close()
        for pool in self.pools.values():
            pool.shutdown(wait=True)

    def _execute(self, name: str, statement: str) -> str:
        try:
            return summary(self.connections[name].execute(statement))
        except psycopg.Error as error:
            return error_text(error)

    def _answer(self, name: str, statement: str, future: Future) -> str | None:
        """The statement's result, or None once PostgreSQL shows it waiting on a lock; a slow one is waited for."""
        since = time.monotonic()
        while True:
            try:
                return future.result(timeout=BLOCKED_AFTER)
            except FutureTimeout:
                if self._waits_on_a_lock(name):
                    return None
                _check_not_stuck(name, statement, since)

    def _waits_on_a_lock(self, session: str) -> bool:
        return waits_on_a_lock(self.monitor, self.pids[session])

    def _record(self, session: str, statement: str, result: str) -> None:
        shown = " ".join(statement.split()).replace("|", "\\|")
        self.rows.append(f"| {len(self.rows) - 1} | {session} | `{shown}` | {result} |")


def _check_not_stuck(session: str, statement: str, since: float) -> None:
    if time.monotonic() - since > SLOW_LIMIT:
        raise RuntimeError(f"session {session} has run `{statement}` for {SLOW_LIMIT} s without waiting on a lock")


def run_sessions(conninfo: str, sql: str) -> str:
    """Run the `-- session X` blocks in order on one connection each; record what every statement returns."""
    names = SESSION.findall(sql)
    blocks = SESSION.split(sql)[1:]
    steps = [(blocks[i], statement) for i in range(0, len(blocks), 2) for statement in split_statements(blocks[i + 1])]
    sessions = _Sessions(conninfo, list(dict.fromkeys(names)))
    try:
        for name, statement in steps:
            sessions.step(name, statement)
        return sessions.finish()
    finally:
        sessions.close()


class Runner:
    """One database per topic, created and loaded with its schema on first use."""

    def __init__(self, conninfo: str) -> None:
        self.conninfo = conninfo
        self.ready: set[str] = set()

    def topic_conninfo(self, topic: Path) -> str:
        database = "ex_" + topic.name.replace("-", "_")
        if topic.name not in self.ready:
            with psycopg.connect(self.conninfo, autocommit=True) as admin:
                admin.execute(f'DROP DATABASE IF EXISTS "{database}"')
                admin.execute(f'CREATE DATABASE "{database}"')
            schema = topic / "schema.sql"
            if schema.exists():
                with psycopg.connect(f"{self.conninfo} dbname={database}", autocommit=True) as connection:
                    connection.execute(schema.read_text(encoding="utf-8"))
                    connection.execute("ANALYZE")  # plans shown in pages depend on fresh statistics
            self.ready.add(topic.name)
        return f"{self.conninfo} dbname={database}"

    def run(self, query: Path) -> str:
        conninfo = self.topic_conninfo(query.parent)
        sql = query.read_text(encoding="utf-8")
        if SESSION.search(sql):
            return run_sessions(conninfo, sql)
        with psycopg.connect(conninfo, autocommit=True) as connection:
            return run_single(connection, sql)


def diff(query: Path, actual: str) -> str:
    expected_file = expected_path(query)
    expected = expected_file.read_text(encoding="utf-8") if expected_file.exists() else ""
    lines = difflib.unified_diff(
        expected.splitlines(),
        actual.splitlines(),
        str(expected_file.relative_to(ROOT)),
        "what PostgreSQL returned",
        lineterm="",
    )
    return "\n".join(lines)


def main() -> int:
    from tests.support.pg_sandbox import pg_sandbox

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--update", action="store_true", help="write the expected files instead of comparing")
    parser.add_argument("topics", nargs="*")
    args = parser.parse_args()
    topics = [EXAMPLES / t for t in args.topics] or sorted(p for p in EXAMPLES.iterdir() if p.is_dir())
    failures = 0
    with pg_sandbox(SERVER_SETTINGS) as conninfo:
        runner = Runner(conninfo)
        for topic in topics:
            for query in query_files(topic):
                actual = runner.run(query)
                if args.update:
                    expected_path(query).write_text(actual, encoding="utf-8")
                elif text := diff(query, actual):
                    failures += 1
                    print(text)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
