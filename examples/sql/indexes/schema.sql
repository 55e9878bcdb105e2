-- 100,000 users and 200,000 orders, generated deterministically (no random()).
-- Autovacuum is off on these tables so that the visibility-map example below is reproducible, and one
-- column's statistics target is raised so that ANALYZE reads every row (the plans do not depend on a sample).
CREATE TABLE users (
    id         int  PRIMARY KEY,
    email      text NOT NULL,
    country    text NOT NULL
) WITH (autovacuum_enabled = off);
INSERT INTO users
SELECT g, 'User' || g || '@Example.com', (ARRAY['DE', 'FR', 'US', 'BR', 'IN'])[g % 5 + 1]
FROM generate_series(1, 100000) AS g;
ALTER TABLE users ALTER COLUMN email SET STATISTICS 1000;

CREATE TABLE orders (
    id          int         PRIMARY KEY,
    customer_id int         NOT NULL,       -- 10,000 customers, 20 orders each
    status      text        NOT NULL,       -- 90% delivered, 9% shipped, 1% pending
    created_at  timestamptz NOT NULL,       -- one order every 2 minutes from 2024-01-01 (about 278 days)
    total       numeric(10, 2) NOT NULL
) WITH (autovacuum_enabled = off);
INSERT INTO orders
SELECT g,
       g % 10000 + 1,
       CASE WHEN g % 100 = 0 THEN 'pending' WHEN g % 100 < 10 THEN 'shipped' ELSE 'delivered' END,
       timestamptz '2024-01-01 00:00:00+00' + g * interval '2 minutes',
       (g * 37 % 50000) / 100.0
FROM generate_series(1, 200000) AS g;
ALTER TABLE orders ALTER COLUMN customer_id SET STATISTICS 1000;
