"""Every SQL example runs on a real PostgreSQL and returns exactly what its page shows."""

from __future__ import annotations

import psycopg
import pytest

from tests.support.sql_examples import EXAMPLES, Runner, diff, expected_path, query_files, split_statements

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
