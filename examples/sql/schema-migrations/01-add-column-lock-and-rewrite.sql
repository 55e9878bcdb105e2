-- Every ALTER TABLE below takes ACCESS EXCLUSIVE, the strongest lock: it conflicts with every reader and
-- writer. What matters is how long it is held: a catalog change is instant, a table rewrite is not.
CREATE TEMP TABLE before AS SELECT pg_relation_filenode('accounts') AS filenode;

BEGIN;
ALTER TABLE accounts ADD COLUMN plan text NOT NULL DEFAULT 'free';
SELECT mode FROM pg_locks
WHERE relation = 'accounts'::regclass AND pid = pg_backend_pid() AND mode LIKE '%Exclusive%';
COMMIT;

-- A constant default (PostgreSQL 11+) is stored in the catalog: no row was rewritten, the file is the same.
SELECT pg_relation_filenode('accounts') <> filenode AS rewritten FROM before;

-- A volatile default must be computed for every existing row: PostgreSQL rewrites the whole table,
-- holding ACCESS EXCLUSIVE for the duration.
ALTER TABLE accounts ADD COLUMN created_at timestamptz DEFAULT clock_timestamp();
SELECT pg_relation_filenode('accounts') <> filenode AS rewritten FROM before;

-- Type changes: widening numeric's precision keeps the stored bytes valid (no rewrite); changing its scale
-- changes every stored value, so the table is rewritten again.
UPDATE before SET filenode = pg_relation_filenode('accounts');
ALTER TABLE accounts ALTER COLUMN balance TYPE numeric(14, 2);
SELECT pg_relation_filenode('accounts') <> filenode AS rewritten FROM before;
ALTER TABLE accounts ALTER COLUMN balance TYPE numeric(14, 4);
SELECT pg_relation_filenode('accounts') <> filenode AS rewritten FROM before;

ALTER TABLE accounts DROP COLUMN plan, DROP COLUMN created_at;
ALTER TABLE accounts ALTER COLUMN balance TYPE numeric(12, 2);
