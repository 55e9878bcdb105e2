-- session A
BEGIN;
SELECT ctid, xmin::text = pg_current_xact_id()::text AS created_by_me, balance FROM accounts WHERE id = 1;
UPDATE accounts SET balance = 50 WHERE id = 1;
SELECT ctid, xmin::text = pg_current_xact_id()::text AS created_by_me, balance FROM accounts WHERE id = 1;
-- session B
SELECT ctid, xmax::text <> '0' AS has_xmax, balance FROM accounts WHERE id = 1;
-- session A
COMMIT;
-- session B
SELECT ctid, xmax::text <> '0' AS has_xmax, balance FROM accounts WHERE id = 1;
UPDATE accounts SET balance = 100 WHERE id = 1;
