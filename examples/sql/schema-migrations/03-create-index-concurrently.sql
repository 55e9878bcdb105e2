-- A plain CREATE INDEX takes SHARE: it waits for an open write transaction, and every write that arrives
-- meanwhile queues behind it until the index is built.
-- session A
BEGIN;
UPDATE accounts SET balance = balance WHERE id = 1;
-- session B
CREATE INDEX accounts_email_plain ON accounts (email);
-- session C
UPDATE accounts SET balance = balance + 1 WHERE id = 2;
-- session A
COMMIT;
-- session B
DROP INDEX accounts_email_plain;
-- CREATE INDEX CONCURRENTLY takes SHARE UPDATE EXCLUSIVE, which does not conflict with writes: it still waits
-- for the open transaction to finish, but the write from session C goes through at once.
-- session A
BEGIN;
UPDATE accounts SET balance = balance WHERE id = 1;
-- session B
CREATE INDEX CONCURRENTLY accounts_email ON accounts (email);
-- session C
UPDATE accounts SET balance = balance + 1 WHERE id = 2;
-- session A
COMMIT;
-- session B
SELECT indisvalid FROM pg_index WHERE indexrelid = 'accounts_email'::regclass;
DROP INDEX accounts_email;
