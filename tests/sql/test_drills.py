"""The schema-design drills (docs/practice/drills/) on a real PostgreSQL: every file returns what its page shows,
every access pattern's plan uses the index the page names, and the concurrency and isolation claims hold.

Plan assertions are written in the SQL files themselves, above the EXPLAIN they check:
`-- plan: <relation glob> via <index glob>` means every scan of a matching relation in that query's plan reads
through an index (no sequential scan) and at least one of them uses a matching index. The page shows the plan
text (recorded in the expected file, compared below) and states the property this test proves.
"""

from __future__ import annotations

import fnmatch
import re
import threading
from pathlib import Path

import psycopg
import pytest

from tests.support.sql_examples import EXAMPLES, SESSION, Runner, diff, expected_path, query_files, split_statements

pytestmark = pytest.mark.database

DRILLS_DIR = EXAMPLES / "drills"
DRILLS = sorted(p for p in DRILLS_DIR.iterdir() if p.is_dir()) if DRILLS_DIR.is_dir() else []
QUERIES = [q for drill in DRILLS for q in query_files(drill)]
PLAN_MARK = re.compile(r"^-- plan: (\S+) via (\S+)\s*$", re.M)
EXPLAIN_PREFIX = re.compile(r"^EXPLAIN\s*(\([^)]*\))?\s*", re.I)
CHUNK_END = re.compile(r";[ \t]*(?:--[^\n]*)?\n")
INDEX_SCANS = {"Index Scan", "Index Only Scan", "Bitmap Heap Scan"}


@pytest.fixture(scope="module")
def runner(postgres) -> Runner:
    return Runner(postgres)


def plan_nodes(node: dict):
    yield node
    for child in node.get("Plans", ()):
        yield from plan_nodes(child)


def index_names(node: dict) -> set[str]:
    return {n["Index Name"] for n in plan_nodes(node) if "Index Name" in n}


def check_plan(plan: dict, relation: str, index: str, where: str) -> None:
    scans = [
        n
        for n in plan_nodes(plan)
        if n.get("Node Type", "").endswith("Scan") and fnmatch.fnmatchcase(n.get("Relation Name", ""), relation)
    ]
    assert scans, f"{where}: the plan reads no relation matching {relation!r}"
    for scan in scans:
        assert scan["Node Type"] in INDEX_SCANS, (
            f"{where}: {scan['Relation Name']} is read by a {scan['Node Type']}, not through an index"
        )
    used = set().union(*(index_names(scan) for scan in scans))
    assert any(fnmatch.fnmatchcase(name, index) for name in used), (
        f"{where}: {relation} is read through {sorted(used)}, none matching {index!r}"
    )


def check_plans(conninfo: str, query: Path) -> int:
    """Replay the file in a transaction that is rolled back, checking each marked EXPLAIN in JSON form."""
    checked = 0
    chunks = CHUNK_END.split(query.read_text(encoding="utf-8").strip() + "\n")
    with psycopg.connect(conninfo) as connection:
        with connection.transaction(force_rollback=True):
            for chunk in chunks:
                statements = split_statements(chunk + ";\n")
                if not statements:
                    continue
                statement = statements[0]
                marks = PLAN_MARK.findall(chunk)
                if marks:
                    assert EXPLAIN_PREFIX.match(statement), f"{query.name}: a plan mark must precede an EXPLAIN"
                    body = EXPLAIN_PREFIX.sub("", statement, count=1)
                    plan = connection.execute(f"EXPLAIN (FORMAT JSON, COSTS OFF) {body}").fetchone()[0][0]["Plan"]
                    for relation, index in marks:
                        check_plan(plan, relation, index, f"{query.parent.name}/{query.name}")
                        checked += 1
                    continue
                try:
                    with connection.transaction():
                        connection.execute(statement)
                except psycopg.Error:
                    pass  # the files show rejected statements on purpose
    return checked


@pytest.mark.parametrize("query", QUERIES, ids=[f"{q.parent.name}/{q.name}" for q in QUERIES])
def test_drill_plans_use_their_indexes_and_results_match_the_page(runner, query):
    update = f"run `.venv/bin/python -m tests.support.sql_examples --update drills/{query.parent.name}`"
    assert expected_path(query).exists(), update
    conninfo = runner.topic_conninfo(query.parent)
    sql = query.read_text(encoding="utf-8")
    marked = len(PLAN_MARK.findall(sql))
    if marked:  # only files with marks are replayed: a replayed INSERT would consume identity values
        assert not SESSION.search(sql), f"{query.name}: plan marks belong in a single-session file"
        assert check_plans(conninfo, query) == marked
    changed = diff(query, runner.run(query))
    assert not changed, f"the result changed; if that is intended, {update}:\n{changed}"


def test_every_access_pattern_plan_is_asserted():
    """Each drill's access-pattern file marks every EXPLAIN with the index it must use."""
    for drill in DRILLS:
        files = [q for q in query_files(drill) if "access-patterns" in q.name]
        assert files, f"{drill.name} has no NN-access-patterns.sql"
        for query in files:
            sql = query.read_text(encoding="utf-8")
            explains = len(re.findall(r"^EXPLAIN", sql, re.M))
            assert explains >= 3, f"{query.name}: fewer than three access patterns"
            marked = {m.start() for m in PLAN_MARK.finditer(sql)}
            assert len(marked) >= explains, f"{drill.name}/{query.name}: an EXPLAIN has no `-- plan:` mark"


def test_plan_checker_rejects_a_sequential_scan():
    plan = {"Node Type": "Seq Scan", "Relation Name": "tasks"}
    with pytest.raises(AssertionError, match="Seq Scan"):
        check_plan(plan, "tasks", "*", "unit")
    nested = {"Node Type": "Bitmap Heap Scan", "Relation Name": "tasks", "Plans": [{"Index Name": "tasks_a"}]}
    check_plan(nested, "tasks", "tasks_a", "unit")
    with pytest.raises(AssertionError, match="none matching"):
        check_plan(nested, "tasks", "tasks_b", "unit")


def test_every_drill_file_and_result_is_shown_in_its_page():
    from tests.conftest import ROOT

    for query in QUERIES:
        page = ROOT / "docs" / "practice" / "drills" / f"{query.parent.name}.md"
        assert page.exists(), f"no page for drill {query.parent.name}"
        text = page.read_text(encoding="utf-8")
        name = query.relative_to(EXAMPLES.parent).as_posix()
        assert f'"{name}"' in text, f"{name} is not included by {page.name}"
        assert f'"{name.removesuffix(".sql")}.expected.md"' in text, f"the result of {name} is not shown"


# Isolation and concurrency, tested directly (the pages show the same behaviour step by step).


def _drill(runner: Runner, name: str) -> str:
    return runner.topic_conninfo(DRILLS_DIR / name)


def test_tenant_a_cannot_read_or_write_tenant_b_as_the_application_role(runner):
    conninfo = re.sub(r"\buser=\S+", "user=saas_app", _drill(runner, "multi-tenant-saas"))
    with psycopg.connect(conninfo, autocommit=True) as app:
        row = app.execute("SELECT rolsuper, rolbypassrls FROM pg_roles WHERE rolname = current_user").fetchone()
        assert row == (False, False)
        assert app.execute("SELECT count(*) FROM tasks").fetchone()[0] == 0  # no tenant set: nothing
        app.execute("SET app.tenant_id = '3'")
        own, others = app.execute("SELECT count(*), count(*) FILTER (WHERE tenant_id <> 3) FROM tasks").fetchone()
        assert own > 0 and others == 0
        assert app.execute("SELECT count(*) FROM tasks WHERE tenant_id = 4").fetchone()[0] == 0
        assert app.execute("SELECT count(*) FROM users WHERE tenant_id = 4").fetchone()[0] == 0
        with pytest.raises(psycopg.errors.InsufficientPrivilege, match="row-level security"):
            app.execute(
                "INSERT INTO tasks (tenant_id, id, project_id, status, title, created_at) "
                "VALUES (4, 990001, 4, 'open', 'x', now())"
            )
        assert app.execute("DELETE FROM tasks WHERE tenant_id = 4").rowcount == 0
    with psycopg.connect(_drill(runner, "multi-tenant-saas"), autocommit=True) as admin:
        assert admin.execute("SELECT count(*) FROM tasks WHERE tenant_id = 4").fetchone()[0] > 0


def _race(conninfo: str, workers: int, work) -> list:
    """Run work(connection) on `workers` connections that start together; return each result or error."""
    barrier = threading.Barrier(workers)
    results: list = [None] * workers

    def run(i: int) -> None:
        try:
            with psycopg.connect(conninfo, autocommit=True) as connection:
                barrier.wait(timeout=60)
                results[i] = work(connection, i)
        except (psycopg.Error, threading.BrokenBarrierError) as error:  # shown by the caller's assertion
            results[i] = error

    threads = [threading.Thread(target=run, args=(i,)) for i in range(workers)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=90)
    return results


def test_two_overlapping_bookings_at_once_one_is_rejected(runner):
    conninfo = _drill(runner, "booking")

    def book(connection, i):
        with connection.transaction():
            connection.execute(
                "INSERT INTO bookings (room_id, guest_id, during) VALUES (%s, %s, tstzrange(%s, %s))",
                (5, 100 + i, f"2025-09-0{1 + i} 14:00+00", "2025-09-05 11:00+00"),
            )
        return "booked"

    results = _race(conninfo, 2, book)
    assert results.count("booked") == 1, results
    # The loser fails on the constraint, or, when both inserted their index entries before either checked, on
    # the deadlock PostgreSQL detects between the two waits (documented in execIndexing.c): one booking either way.
    rejected = (psycopg.errors.ExclusionViolation, psycopg.errors.DeadlockDetected)
    assert any(isinstance(r, rejected) for r in results), results
    with psycopg.connect(conninfo, autocommit=True) as connection:
        overlapping = connection.execute(
            "SELECT count(*) FROM bookings a JOIN bookings b ON a.room_id = b.room_id AND a.id < b.id "
            "AND a.during && b.during AND a.status = 'confirmed' AND b.status = 'confirmed'"
        ).fetchone()[0]
        assert overlapping == 0
        connection.execute("DELETE FROM bookings WHERE room_id = 5 AND during && tstzrange('2025-09-01', '2025-09-06')")


def test_a_flash_sale_never_oversells(runner):
    conninfo = _drill(runner, "flash-sale")
    workers, stock = 12, 5
    with psycopg.connect(conninfo, autocommit=True) as connection:
        connection.execute("INSERT INTO products (id, name, price_cents) VALUES (99001, 'Race test', 100)")
        connection.execute("INSERT INTO inventory (product_id, on_hand) VALUES (99001, %s)", (stock,))

    def buy(connection, i):
        with connection.transaction():
            row = connection.execute(
                "UPDATE inventory SET on_hand = on_hand - 1 WHERE product_id = 99001 AND on_hand >= 1 RETURNING on_hand"
            ).fetchone()
            if row is None:
                return "sold out"
            connection.execute(
                "INSERT INTO orders (user_id, product_id, quantity, idempotency_key) VALUES (%s, 99001, 1, %s)",
                (50000 + i, f"race-{i}"),
            )
        return "bought"

    results = _race(conninfo, workers, buy)
    assert results.count("bought") == stock, results
    assert results.count("sold out") == workers - stock, results
    with psycopg.connect(conninfo, autocommit=True) as connection:
        assert connection.execute("SELECT on_hand FROM inventory WHERE product_id = 99001").fetchone()[0] == 0
        assert connection.execute("SELECT count(*) FROM orders WHERE product_id = 99001").fetchone()[0] == stock
        connection.execute("DELETE FROM orders WHERE product_id = 99001")
        connection.execute("DELETE FROM inventory WHERE product_id = 99001")
        connection.execute("DELETE FROM products WHERE id = 99001")
