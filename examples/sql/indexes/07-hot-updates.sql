-- The write cost of indexes. Each index is one more structure to update on INSERT, and on an UPDATE
-- unless the update is HOT (heap-only tuple): no indexed column changed and the new version fits on the same page.
CREATE TABLE accounts (
    id      int  PRIMARY KEY,
    email   text NOT NULL,
    balance int  NOT NULL
) WITH (fillfactor = 80, autovacuum_enabled = off);
INSERT INTO accounts SELECT g, 'a' || g || '@example.com', 100 FROM generate_series(1, 10000) AS g;
CREATE INDEX accounts_email ON accounts (email);

-- 1,000 updates of a column no index covers: all HOT, no index entry written.
UPDATE accounts SET balance = balance + 1 WHERE id % 10 = 0;
-- 1,000 updates of an indexed column: none HOT, a new entry in both indexes for each row.
UPDATE accounts SET email = 'b' || id || '@example.com' WHERE id % 10 = 1;

-- Statistics are flushed lazily; force it so the counters below are current.
DO 'BEGIN PERFORM pg_stat_force_next_flush(); END';
SELECT n_tup_upd AS updates, n_tup_hot_upd AS hot_updates
FROM pg_stat_user_tables WHERE relname = 'accounts';

DROP TABLE accounts;
