-- session A
BEGIN ISOLATION LEVEL READ COMMITTED;
SELECT count(*) AS on_call FROM doctors WHERE shift = 1 AND on_call;
-- session B
BEGIN ISOLATION LEVEL READ COMMITTED;
SELECT count(*) AS on_call FROM doctors WHERE shift = 1 AND on_call;
-- session A
UPDATE doctors SET on_call = false WHERE name = 'alice';
COMMIT;
-- session B
UPDATE doctors SET on_call = false WHERE name = 'bob';
COMMIT;
-- session A
SELECT count(*) AS on_call FROM doctors WHERE shift = 1 AND on_call;
UPDATE doctors SET on_call = true;
