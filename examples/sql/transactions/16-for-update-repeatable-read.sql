-- session A
BEGIN ISOLATION LEVEL REPEATABLE READ;
SELECT balance FROM accounts WHERE id = 2;
-- session B
UPDATE accounts SET balance = balance + 5 WHERE id = 2;
-- session A
SELECT balance FROM accounts WHERE id = 2 FOR UPDATE;
ROLLBACK;
-- session B
UPDATE accounts SET balance = 100 WHERE id = 2;
