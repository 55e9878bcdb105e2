-- session A
BEGIN ISOLATION LEVEL READ COMMITTED;
SELECT count(*) AS rich, sum(balance) AS total FROM accounts WHERE balance >= 100;
-- session B
INSERT INTO accounts VALUES (3, 500.00);
-- session A
SELECT count(*) AS rich, sum(balance) AS total FROM accounts WHERE balance >= 100;
COMMIT;
SELECT count(*) AS rich, sum(balance) AS total FROM accounts WHERE balance >= 100;
DELETE FROM accounts WHERE id = 3;
