-- session A
BEGIN ISOLATION LEVEL REPEATABLE READ;
SELECT balance FROM accounts WHERE id = 1;
-- session B
BEGIN ISOLATION LEVEL REPEATABLE READ;
SELECT balance FROM accounts WHERE id = 1;
-- session A
UPDATE accounts SET balance = balance - 10 WHERE id = 1;
-- session B
UPDATE accounts SET balance = balance - 20 WHERE id = 1;
-- session A
COMMIT;
-- session B
ROLLBACK;
SELECT balance FROM accounts WHERE id = 1;
UPDATE accounts SET balance = 100 WHERE id = 1;
