"""Every SQL example runs on a real PostgreSQL and returns exactly what its page shows."""

from __future__ import annotations

import os
import signal
import time
from concurrent.futures import ThreadPoolExecutor

import psycopg
import pytest

from tests.support.sql_examples import (
    EXAMPLES,
    Runner,
    diff,
    expected_path,
    query_files,
    run_sessions,
    split_statements,
    waits_on_a_lock,
)

pytestmark = pytest.mark.database

TOPICS = sorted(p for p in EXAMPLES.iterdir() if p.is_dir()) if EXAMPLES.is_dir() else []
QUERIES = [q for topic in TOPICS for q in query_files(topic)]


@pytest.fixture(scope="module")
def runner(postgres) -> Runner:
    return Runner(postgres)


@pytest.mark.parametrize("query", QUERIES, ids=[f"{q.parent.name}/{q.name}" for q in QUERIES])
def test_sql_example_returns_what_the_page_shows(runner, query):
    assert expected_path(query).exists(), (
        f"run `.venv/bin/python -m tests.support.sql_examples --update {query.parent.name}`"
    )
    changed = diff(query, runner.run(query))
    assert not changed, f"the result changed; if that is intended, run the --update command:\n{changed}"


def test_every_sql_example_and_its_result_are_shown_in_a_page():
    from tests.conftest import ROOT

    pages = "\n".join(p.read_text(encoding="utf-8") for p in (ROOT / "docs").rglob("*.md"))
    for query in QUERIES:
        name = query.relative_to(EXAMPLES.parent).as_posix()
        assert f'"{name}"' in pages, f"{name} is not included by any page"
        assert f'"{name.removesuffix(".sql")}.expected.md"' in pages, f"the result of {name} is not shown"


def test_statements_split_at_line_ending_semicolons():
    sql = "-- a comment\nSELECT 1;\nSELECT ';' AS s; -- trailing\nUPDATE t SET a = 1\nWHERE b;\n"
    assert split_statements(sql) == ["SELECT 1", "SELECT ';' AS s", "UPDATE t SET a = 1\nWHERE b"]


def test_the_sandbox_is_a_private_server(postgres):
    with psycopg.connect(postgres) as connection:
        assert connection.execute("SHOW listen_addresses").fetchone()[0] == ""
        assert connection.execute("SHOW deadlock_timeout").fetchone()[0] == "200ms"


@pytest.fixture
def probe_table(postgres):
    with psycopg.connect(postgres, autocommit=True) as connection:
        connection.execute("DROP TABLE IF EXISTS runner_probe")
        connection.execute("CREATE TABLE runner_probe (id int)")
    yield postgres
    with psycopg.connect(postgres, autocommit=True) as connection:
        connection.execute("DROP TABLE runner_probe")


def results(table: str) -> list[tuple[str, str]]:
    """(session, result) of every step of a session table."""
    return [tuple(c.strip() for c in line.split("|")[2:5:2]) for line in table.splitlines()[2:]]


def test_statements_released_together_are_recorded_in_the_order_they_queued(probe_table):
    # B is released first but then runs for longer than the runner's first wait; C queues behind B's lock and
    # answers just after it. Polling each waiting statement in turn used to record C first on a busy machine.
    sql = """-- session A
BEGIN;
LOCK TABLE runner_probe IN ACCESS EXCLUSIVE MODE;
-- session B
SELECT count(*) AS n FROM runner_probe, pg_sleep(0.7);
-- session C
ALTER TABLE runner_probe ADD COLUMN note text;
-- session A
COMMIT;
SELECT 1 AS one;
"""
    assert results(run_sessions(probe_table, sql)) == [
        ("A", "`BEGIN`"),
        ("A", "`LOCK TABLE`"),
        ("B", "waits for a lock"),
        ("C", "waits for a lock"),
        ("A", "`COMMIT`"),
        ("B", "`n = 0` (after waiting)"),
        ("C", "`ALTER TABLE` (after waiting)"),
        ("A", "`one = 1`"),
    ]


def test_a_statement_granted_its_lock_no_longer_waits_though_its_process_has_not_woken(probe_table):
    # PostgreSQL grants a released lock to the next in the queue as it is released; the waiter's process clears
    # its wait event only when it next runs. Stopped (SIGSTOP) while it waits, the waiter stays in that moment,
    # which on a busy machine lasted long enough for the runner to record it a step late.
    with (
        psycopg.connect(probe_table, autocommit=True) as holder,
        psycopg.connect(probe_table, autocommit=True) as waiter,
        psycopg.connect(probe_table, autocommit=True) as monitor,
        ThreadPoolExecutor(max_workers=1) as pool,
    ):
        holder.execute("BEGIN")
        holder.execute("LOCK TABLE runner_probe IN ACCESS EXCLUSIVE MODE")
        pid = waiter.info.backend_pid
        altered = pool.submit(waiter.execute, "ALTER TABLE runner_probe ADD COLUMN note text")
        deadline = time.monotonic() + 30
        while not waits_on_a_lock(monitor, pid):
            assert time.monotonic() < deadline, "the ALTER TABLE never waited for the LOCK TABLE"
            time.sleep(0.05)
        os.kill(pid, signal.SIGSTOP)
        try:
            holder.execute("COMMIT")
            query = "SELECT wait_event_type FROM pg_stat_activity WHERE pid = %s"
            assert monitor.execute(query, (pid,)).fetchone()[0] == "Lock", "the stopped process cleared its wait"
            assert not waits_on_a_lock(monitor, pid)
        finally:
            os.kill(pid, signal.SIGCONT)
        altered.result(timeout=30)


def test_a_slow_statement_that_waits_on_no_lock_is_not_recorded_as_waiting(probe_table):
    sql = "-- session A\nSELECT count(*) AS n FROM runner_probe, pg_sleep(1.2);\n-- session B\nSELECT 2 AS two;\n"
    assert results(run_sessions(probe_table, sql)) == [("A", "`n = 0`"), ("B", "`two = 2`")]
