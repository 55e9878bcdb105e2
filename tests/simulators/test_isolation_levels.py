"""The isolation-levels simulator replays what PostgreSQL did, and its verdicts agree with the page's table.

The steps come from examples/sql/transactions/*.expected.md, which tests/sql checks against a real server;
here the verdict read from them is held to the "table for PostgreSQL" in docs/databases/transactions.md, cell
by cell, and the logic module's session states are checked on the replayed steps under Node.
"""

from __future__ import annotations

import re

import pytest

from handbook.project import repository
from handbook.simulators.isolation_levels import ANOMALIES, LEVELS, matrix
from tests.simulators.logic import ROOT, simulate_in_node

TABLE_ROWS = {  # the page's row label -> the simulator's anomalies it covers
    "Non-repeatable read": ["non-repeatable-read"],
    "Phantom read": ["phantom-read"],
    "Lost update (read-modify-write)": ["lost-update"],
    "Write skew, phantom insert": ["write-skew", "double-booking"],
}
COLUMNS = {"read-committed": 2, "repeatable-read": 3, "serializable": 4}  # 0 is the label, 1 READ UNCOMMITTED


def page_table() -> dict[str, list[str]]:
    text = (ROOT / "docs" / "databases" / "transactions.md").read_text(encoding="utf-8")
    table = text.split("### The table for PostgreSQL", 1)[1]
    rows = {}
    for line in table.splitlines():
        cells = [cell.strip().replace("*", "") for cell in line.strip().strip("|").split("|")]
        if cells and cells[0] in TABLE_ROWS:
            rows[cells[0]] = cells
    return rows


def expected_kind(cell: str) -> str:
    if cell.startswith("Prevented: `40001`"):
        return "error"
    return {"Possible": "anomaly", "Not possible": "prevented"}[cell]


@pytest.fixture(scope="module")
def data():
    return matrix(repository())


def test_every_cell_agrees_with_the_page_table(data):
    table = page_table()
    assert set(table) == set(TABLE_ROWS), "the page's table lost a row the simulator covers"
    for label, anomalies in TABLE_ROWS.items():
        for anomaly in anomalies:
            for level, column in COLUMNS.items():
                verdict = data["anomalies"][anomaly]["levels"][level]["verdict"]
                wanted = expected_kind(table[label][column])
                assert verdict["kind"] == wanted, (
                    f"{anomaly} at {level}: PostgreSQL gave {verdict}, the page says {wanted}"
                )


def test_the_matrix_covers_every_anomaly_at_every_level(data):
    assert set(data["anomalies"]) == set(ANOMALIES)
    for anomaly in data["anomalies"].values():
        assert set(anomaly["levels"]) == set(LEVELS)
        for cell in anomaly["levels"].values():
            assert (ROOT / cell["script"]).is_file()
            assert cell["rows"] and all(row["session"] in "AB" for row in cell["rows"])


def test_session_states_follow_the_replayed_steps_under_node(data):
    scenarios = [{"anomaly": "lost-update", "level": level} for level in LEVELS] + [
        {"anomaly": "write-skew", "level": "serializable"}
    ]
    results = simulate_in_node("isolation-levels", scenarios, cursor=99, data=data)
    read_committed, repeatable, serializable, skew = (r["summary"] for r in results)
    assert read_committed == {
        "step": 11,
        "session-a": "committed",
        "session-b": "idle (autocommit)",
        "outcome": "anomaly",
    }
    assert repeatable["session-b"] == "idle (autocommit)" and repeatable["outcome"] == "prevented with an error"
    assert serializable["outcome"] == "prevented with an error"
    assert skew["outcome"] == "prevented with an error"
    partial = simulate_in_node("isolation-levels", [scenarios[1]], cursor=6, data=data)[0]["summary"]
    assert partial["session-b"] == "waiting for a lock" and partial["outcome"] == "not finished"
    failed = simulate_in_node("isolation-levels", [scenarios[1]], cursor=8, data=data)[0]["summary"]
    assert failed["session-b"] == "failed with 40001"


def test_an_unreadable_recorded_result_names_the_file(tmp_path):
    from handbook.simulators.isolation_levels import ScheduleError, read_rows

    broken = tmp_path / "x.expected.md"
    broken.write_text(
        "| Step | Session | Statement | Result |\n|---:|---|---|---|\n| one | A | x |\n", encoding="utf-8"
    )
    with pytest.raises(ScheduleError, match=re.escape(str(broken))):
        read_rows(broken)
