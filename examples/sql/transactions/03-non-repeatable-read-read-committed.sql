-- session A
BEGIN ISOLATION LEVEL READ COMMITTED;
SELECT balance FROM accounts WHERE id = 1;
-- session B
UPDATE accounts SET balance = 70 WHERE id = 1;
-- session A
SELECT balance FROM accounts WHERE id = 1;
COMMIT;
UPDATE accounts SET balance = 100 WHERE id = 1;
