-- session A
BEGIN ISOLATION LEVEL SERIALIZABLE;
SELECT balance FROM accounts WHERE id = 1;
-- session B
BEGIN ISOLATION LEVEL SERIALIZABLE;
SELECT balance FROM accounts WHERE id = 1;
-- session A
UPDATE accounts SET balance = 90 WHERE id = 1;
-- session B
UPDATE accounts SET balance = 80 WHERE id = 1;
-- session A
COMMIT;
-- session B
COMMIT;
SELECT balance FROM accounts WHERE id = 1;
UPDATE accounts SET balance = 100 WHERE id = 1;
