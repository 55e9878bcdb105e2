-- 10,000 customers, 200,000 orders (20 per customer), one shipment per delivered or shipped order.
-- Generated deterministically; statistics targets are raised so that ANALYZE reads every row, which makes
-- the estimates (and so the plans) reproducible. Autovacuum is off for the same reason.
CREATE TABLE customers (
    id      int  PRIMARY KEY,
    name    text NOT NULL,
    country text NOT NULL,   -- 10 countries
    city    text NOT NULL    -- 100 cities, each in exactly one country: city determines country
) WITH (autovacuum_enabled = off);
INSERT INTO customers
SELECT g,
       'customer ' || g,
       (ARRAY['DE', 'FR', 'US', 'BR', 'IN', 'JP', 'GB', 'ES', 'IT', 'CA'])[g % 10 + 1],
       (ARRAY['DE', 'FR', 'US', 'BR', 'IN', 'JP', 'GB', 'ES', 'IT', 'CA'])[g % 10 + 1] || '-city-' || (g % 100 / 10)
FROM generate_series(1, 10000) AS g;

CREATE TABLE orders (
    id          int         PRIMARY KEY,
    customer_id int         NOT NULL REFERENCES customers (id),
    status      text        NOT NULL,   -- 90% delivered, 9% shipped, 1% pending
    created_at  timestamptz NOT NULL,   -- increasing with id: one order every 2 minutes from 2024-01-01
    total       numeric(10, 2) NOT NULL -- 0.00 to 499.99
) WITH (autovacuum_enabled = off);
INSERT INTO orders
SELECT g,
       g * 7919 % 10000 + 1,          -- spreads neighbouring customers across the table
       CASE WHEN g % 100 = 0 THEN 'pending' WHEN g % 100 < 10 THEN 'shipped' ELSE 'delivered' END,
       timestamptz '2024-01-01 00:00:00+00' + g * interval '2 minutes',
       (g * 37 % 50000) / 100.0
FROM generate_series(1, 200000) AS g;
CREATE INDEX orders_customer_id ON orders (customer_id);
CREATE INDEX orders_created_at ON orders (created_at);
ALTER TABLE orders ALTER COLUMN customer_id SET STATISTICS 1000;

CREATE TABLE shipments (
    order_id   int  PRIMARY KEY REFERENCES orders (id),
    carrier    text NOT NULL
) WITH (autovacuum_enabled = off);
INSERT INTO shipments
SELECT id, (ARRAY['DHL', 'UPS', 'FedEx'])[id % 3 + 1] FROM orders WHERE status <> 'pending';
ALTER TABLE shipments ALTER COLUMN order_id SET STATISTICS 1000;
