-- The orders table of the PostgreSQL-vs-DynamoDB case study: range-partitioned by month on created_at.
CREATE TABLE orders (
    order_id    bigint      NOT NULL,
    buyer_id    bigint      NOT NULL,
    seller_id   bigint      NOT NULL,
    status      text        NOT NULL,
    total_cents bigint      NOT NULL,
    version     int         NOT NULL DEFAULT 1,
    created_at  timestamptz NOT NULL,
    PRIMARY KEY (order_id, created_at)           -- the partition key must be in every unique index
) PARTITION BY RANGE (created_at);
CREATE TABLE orders_2026_02 PARTITION OF orders FOR VALUES FROM ('2026-02-01 00:00+00') TO ('2026-03-01 00:00+00');
CREATE TABLE orders_2026_03 PARTITION OF orders FOR VALUES FROM ('2026-03-01 00:00+00') TO ('2026-04-01 00:00+00');

-- A non-partitioned claim table: one row per order_id, so uniqueness holds across every month.
CREATE TABLE order_ids (
    order_id   bigint      PRIMARY KEY,
    created_at timestamptz NOT NULL
);
