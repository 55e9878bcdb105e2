-- session A
BEGIN;
UPDATE accounts SET balance = balance - 10 WHERE id = 1;
-- session B
BEGIN;
UPDATE accounts SET balance = balance - 10 WHERE id = 2;
-- session A
UPDATE accounts SET balance = balance + 10 WHERE id = 2;
-- session B
UPDATE accounts SET balance = balance + 10 WHERE id = 1;
ROLLBACK;
-- session A
COMMIT;
SELECT id, balance FROM accounts ORDER BY id;
UPDATE accounts SET balance = 100;
