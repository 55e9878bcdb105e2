-- 200,000 accounts, generated deterministically: the table a migration must change while the service runs.
CREATE TABLE accounts (
    id       bigint  PRIMARY KEY,
    name     text    NOT NULL,
    email    text    NOT NULL,
    balance  numeric(12, 2) NOT NULL DEFAULT 0
);
INSERT INTO accounts
SELECT g, 'Customer ' || g, 'customer' || g || '@example.com', (g % 1000) / 10.0
FROM generate_series(1, 200000) AS g;
