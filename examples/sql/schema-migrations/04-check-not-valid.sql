-- Adding a CHECK constraint normally scans the whole table under ACCESS EXCLUSIVE. NOT VALID skips the scan:
-- the lock is held only for the catalog change, and new rows are checked from that moment.
BEGIN;
ALTER TABLE accounts ADD CONSTRAINT balance_not_negative CHECK (balance >= 0) NOT VALID;
SELECT mode FROM pg_locks
WHERE relation = 'accounts'::regclass AND pid = pg_backend_pid() AND mode LIKE '%Exclusive%';
COMMIT;

-- New writes are already checked.
UPDATE accounts SET balance = -1 WHERE id = 7;

-- VALIDATE scans the existing rows under SHARE UPDATE EXCLUSIVE, which lets reads and writes continue.
BEGIN;
ALTER TABLE accounts VALIDATE CONSTRAINT balance_not_negative;
SELECT mode FROM pg_locks
WHERE relation = 'accounts'::regclass AND pid = pg_backend_pid() AND mode LIKE '%Exclusive%';
COMMIT;

SELECT conname, convalidated FROM pg_constraint WHERE conname = 'balance_not_negative';
ALTER TABLE accounts DROP CONSTRAINT balance_not_negative;
