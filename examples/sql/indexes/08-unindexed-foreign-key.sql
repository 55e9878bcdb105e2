-- A foreign key's referencing column gets no index automatically. Deleting a parent row runs a check
-- on the child table for that row, and without an index each check is a sequential scan.
CREATE TABLE customers (id int PRIMARY KEY);
CREATE TABLE invoices (
    id          int PRIMARY KEY,
    customer_id int NOT NULL REFERENCES customers,
    amount      int NOT NULL
) WITH (autovacuum_enabled = off);
INSERT INTO customers SELECT g FROM generate_series(1, 2000) AS g;
INSERT INTO invoices SELECT g, g % 1000 + 1, 100 FROM generate_series(1, 100000) AS g;  -- customers 1-1,000
ANALYZE customers, invoices;

-- Flush earlier counters, so the transaction's own counters below start at zero.
DO 'BEGIN PERFORM pg_stat_force_next_flush(); END';

-- Delete 500 customers that have no invoices: 500 checks on invoices, one per deleted row.
BEGIN;
DELETE FROM customers WHERE id > 1500;
SELECT seq_scan, idx_scan FROM pg_stat_xact_user_tables WHERE relname = 'invoices';
ROLLBACK;

-- With an index on the referencing column, each check is an index probe.
CREATE INDEX invoices_customer_id ON invoices (customer_id);
DO 'BEGIN PERFORM pg_stat_force_next_flush(); END';
BEGIN;
DELETE FROM customers WHERE id > 1500;
SELECT seq_scan, idx_scan FROM pg_stat_xact_user_tables WHERE relname = 'invoices';
ROLLBACK;

DROP TABLE invoices, customers;
