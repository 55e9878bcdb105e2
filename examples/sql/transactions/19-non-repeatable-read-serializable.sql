-- session A
BEGIN ISOLATION LEVEL SERIALIZABLE;
SELECT balance FROM accounts WHERE id = 1;
-- session B
UPDATE accounts SET balance = 70 WHERE id = 1;
-- session A
SELECT balance FROM accounts WHERE id = 1;
COMMIT;
SELECT balance FROM accounts WHERE id = 1;
UPDATE accounts SET balance = 100 WHERE id = 1;
