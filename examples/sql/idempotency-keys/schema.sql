-- The idempotency store: one row per (client, key), claimed before the work starts.
CREATE TABLE idempotency_keys (
    client_id     bigint      NOT NULL,
    key           text        NOT NULL CHECK (length(key) BETWEEN 1 AND 255),
    request_hash  text        NOT NULL,  -- fingerprint of method, path and body
    status        text        NOT NULL DEFAULT 'in_progress'
                              CHECK (status IN ('in_progress', 'completed')),
    response_code int,
    response_body jsonb,
    created_at    timestamptz NOT NULL DEFAULT now(),  -- a job deletes rows older than 24 hours
    PRIMARY KEY (client_id, key)
);

CREATE TABLE payments (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    client_id       bigint NOT NULL,
    amount_cents    int    NOT NULL,
    idempotency_key text   NOT NULL
);
