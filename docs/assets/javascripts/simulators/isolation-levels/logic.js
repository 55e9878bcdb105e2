// Two sessions stepping through a schedule at one isolation level. The schedules are not modelled: the page
// embeds, at build time, the steps and results PostgreSQL produced for the two-session scripts in
// examples/sql/transactions (checked against a real server by tests/sql), and this module replays them.

export const LEVELS = {
  "read-committed": "READ COMMITTED (default)",
  "repeatable-read": "REPEATABLE READ",
  serializable: "SERIALIZABLE",
};

export const SCHEMA = {
  anomaly: {
    label: "Anomaly",
    type: "choice",
    options: {
      "non-repeatable-read": "Non-repeatable read",
      "phantom-read": "Phantom read",
      "lost-update": "Lost update",
      "write-skew": "Write skew",
      "double-booking": "Double booking (phantom insert)",
    },
    value: "lost-update",
  },
  level: { label: "Isolation level", type: "choice", options: LEVELS, value: "read-committed" },
};

export const PRESETS = {
  lost: { label: "Lost update, READ COMMITTED", params: { anomaly: "lost-update", level: "read-committed" } },
  lostRr: { label: "Lost update, REPEATABLE READ", params: { anomaly: "lost-update", level: "repeatable-read" } },
  skewRr: { label: "Write skew, REPEATABLE READ", params: { anomaly: "write-skew", level: "repeatable-read" } },
  skewSer: { label: "Write skew, SERIALIZABLE", params: { anomaly: "write-skew", level: "serializable" } },
};

export const OUTCOMES = { anomaly: "anomaly", prevented: "prevented", error: "prevented with an error" };

export const START_AT_END = false; // the point is to step through the interleaving

export function simulate(params, data) {
  const anomaly = data.anomalies[params.anomaly];
  const cell = anomaly.levels[params.level];
  return {
    steps: cell.rows.length,
    rows: cell.rows,
    verdict: cell.verdict,
    title: anomaly.title,
    question: anomaly.question,
    script: cell.script,
    level: params.level,
  };
}

// What a session is doing after the first `cursor` steps.
export function sessionState(rows, session, cursor) {
  let state = "not started";
  for (const row of rows.slice(0, cursor)) {
    if (row.session !== session) continue;
    const statement = row.statement.toUpperCase();
    if (row.waiting) state = "waiting for a lock";
    else if (row.error) state = `failed with ${row.error}`;
    else if (statement.startsWith("BEGIN")) state = "in a transaction";
    else if (statement === "COMMIT") state = row.result === "ROLLBACK" ? "rolled back" : "committed";
    else if (statement === "ROLLBACK") state = "rolled back";
    else if (state === "in a transaction" || state === "waiting for a lock") state = "in a transaction";
    else if (!state.startsWith("failed")) state = "idle (autocommit)";
  }
  return state;
}

export function summary(result, cursor) {
  return {
    step: cursor,
    "session-a": sessionState(result.rows, "A", cursor),
    "session-b": sessionState(result.rows, "B", cursor),
    outcome: cursor >= result.steps ? OUTCOMES[result.verdict.kind] : "not finished",
  };
}
