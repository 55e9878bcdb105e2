-- session A
BEGIN;
SELECT 'held' AS lock_42 FROM pg_advisory_xact_lock(42);
-- session B
SELECT pg_try_advisory_lock(42);
BEGIN;
SELECT 'held' AS lock_42 FROM pg_advisory_xact_lock(42);
-- session A
COMMIT;
-- session B
COMMIT;
