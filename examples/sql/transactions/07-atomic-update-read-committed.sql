-- session A
BEGIN;
UPDATE accounts SET balance = balance - 10 WHERE id = 1;
-- session B
BEGIN;
UPDATE accounts SET balance = balance - 20 WHERE id = 1 RETURNING balance;
-- session A
COMMIT;
-- session B
COMMIT;
SELECT balance FROM accounts WHERE id = 1;
UPDATE accounts SET balance = 100 WHERE id = 1;
