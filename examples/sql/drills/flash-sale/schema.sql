-- A shop that runs flash sales: a limited stock goes on sale at a fixed time, and thousands of buyers arrive
-- in the first seconds. Seed: 10,000 products with their stock, one sale, 20,000 users' 100,000 past orders,
-- generated deterministically. Foreign keys are added after the seed (one validating query, not a check per row).
CREATE TABLE products (
    id           bigint PRIMARY KEY,
    name         text   NOT NULL,
    price_cents  int    NOT NULL CHECK (price_cents > 0)
);

-- Stock is one row per product, decremented in place by a conditional UPDATE (see the page). The CHECK is the
-- last line of defence: whatever the code does, the count cannot go below zero.
CREATE TABLE inventory (
    product_id  bigint PRIMARY KEY,
    on_hand     int    NOT NULL CHECK (on_hand >= 0)
);

CREATE TABLE sales (
    id          bigint      PRIMARY KEY,
    product_id  bigint      NOT NULL,
    starts_at   timestamptz NOT NULL,
    ends_at     timestamptz NOT NULL,
    CHECK (ends_at > starts_at)
);

-- An order starts as a reservation that holds stock for 10 minutes; payment makes it 'paid', the sweeper
-- makes an unpaid one 'expired' and returns its stock.
CREATE TABLE orders (
    id               bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    user_id          bigint      NOT NULL,
    product_id       bigint      NOT NULL,
    sale_id          bigint,
    quantity         int         NOT NULL CHECK (quantity > 0),
    status           text        NOT NULL DEFAULT 'reserved'
                                 CHECK (status IN ('reserved', 'paid', 'expired', 'cancelled')),
    idempotency_key  text        NOT NULL UNIQUE,     -- a retried request finds its first attempt
    created_at       timestamptz NOT NULL DEFAULT now(),
    expires_at       timestamptz NOT NULL DEFAULT now() + interval '10 minutes'
);
-- One live order per user per sale, enforced by the database even when the same user clicks in two tabs.
CREATE UNIQUE INDEX orders_one_per_user_per_sale ON orders (sale_id, user_id)
    WHERE sale_id IS NOT NULL AND status IN ('reserved', 'paid');
CREATE INDEX orders_user_created ON orders (user_id, created_at DESC);
-- The sweeper's index holds only live reservations: a few hundred rows, whatever the table's size.
CREATE INDEX orders_reserved_expiry ON orders (expires_at) WHERE status = 'reserved';

INSERT INTO products SELECT p, 'Product ' || p, 500 + p % 100 * 100 FROM generate_series(1, 10000) AS p;
INSERT INTO inventory SELECT p, 50 + p % 7 FROM generate_series(1, 10000) AS p;
UPDATE inventory SET on_hand = 1 WHERE product_id IN (2, 3);     -- the last unit, for the race demos
UPDATE inventory SET on_hand = 100 WHERE product_id = 1;         -- the flash-sale item
INSERT INTO sales VALUES (1, 1, '2025-06-01 12:00+00', '2025-06-01 13:00+00');

-- Past orders, one every 13 seconds until 12:35 on sale day: 99% paid, 1% expired, and 50 reservations from
-- the last 43 minutes that are still open (at 12:30, the time the sweeper runs below, some are past expiry).
INSERT INTO orders (user_id, product_id, quantity, status, idempotency_key, created_at, expires_at)
SELECT o % 20000 + 1, (o * 31) % 10000 + 1, 1 + o % 3,
       CASE WHEN o > 99800 AND o % 4 = 0 THEN 'reserved' WHEN o % 100 = 1 THEN 'expired' ELSE 'paid' END,
       'k-' || o, t, t + interval '10 minutes'
FROM generate_series(1, 100000) AS o,
     LATERAL (SELECT timestamptz '2025-06-01 12:35+00' - (100000 - o) * interval '13 seconds' AS t) AS c;

ALTER TABLE inventory ADD FOREIGN KEY (product_id) REFERENCES products;
ALTER TABLE sales ADD FOREIGN KEY (product_id) REFERENCES products;
ALTER TABLE orders ADD FOREIGN KEY (product_id) REFERENCES products, ADD FOREIGN KEY (sale_id) REFERENCES sales;
