-- session A
BEGIN;
UPDATE accounts SET balance = 0 WHERE id = 1;
-- session B
BEGIN ISOLATION LEVEL READ UNCOMMITTED;
SHOW transaction_isolation;
SELECT balance FROM accounts WHERE id = 1;
-- session A
ROLLBACK;
-- session B
SELECT balance FROM accounts WHERE id = 1;
COMMIT;
