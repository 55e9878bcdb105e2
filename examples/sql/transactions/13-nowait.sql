-- session A
BEGIN;
SELECT balance FROM accounts WHERE id = 1 FOR UPDATE;
-- session B
BEGIN;
SELECT balance FROM accounts WHERE id = 1 FOR UPDATE NOWAIT;
ROLLBACK;
-- session A
COMMIT;
