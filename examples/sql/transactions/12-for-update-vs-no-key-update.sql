-- session A
BEGIN;
SELECT balance FROM accounts WHERE id = 1 FOR NO KEY UPDATE;
-- session B
INSERT INTO transfers (account_id, amount) VALUES (1, 5.00);
-- session A
COMMIT;
BEGIN;
SELECT balance FROM accounts WHERE id = 1 FOR UPDATE;
-- session B
INSERT INTO transfers (account_id, amount) VALUES (1, 7.00);
-- session A
COMMIT;
-- session B
SELECT count(*) AS transfers FROM transfers;
