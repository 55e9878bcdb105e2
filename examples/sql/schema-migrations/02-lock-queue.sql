-- A long-running read holds ACCESS SHARE. A migration asks for ACCESS EXCLUSIVE and has to wait; every query
-- that arrives after it queues behind the migration's request, so one slow read plus one ALTER stops traffic.
-- session A
BEGIN;
SELECT count(*) FROM accounts;
-- session B
ALTER TABLE accounts ADD COLUMN note text;
-- session C
SELECT balance FROM accounts WHERE id = 42;
-- session A
COMMIT;
-- session B
ALTER TABLE accounts DROP COLUMN note;
-- The fix: give the migration a lock_timeout, so it fails fast and is retried instead of queueing traffic.
-- session A
BEGIN;
SELECT count(*) FROM accounts;
-- session B
SET lock_timeout = '200ms';
ALTER TABLE accounts ADD COLUMN note text;
-- session C
SELECT balance FROM accounts WHERE id = 42;
-- session A
COMMIT;
-- session B
ALTER TABLE accounts ADD COLUMN note text;
ALTER TABLE accounts DROP COLUMN note;
RESET lock_timeout;
