-- session A
BEGIN;
UPDATE jobs SET status = 'running', worker = 'A'
 WHERE id = (SELECT id FROM jobs WHERE status = 'queued' ORDER BY id LIMIT 1 FOR UPDATE SKIP LOCKED)
RETURNING id, worker;
-- session B
BEGIN;
UPDATE jobs SET status = 'running', worker = 'B'
 WHERE id = (SELECT id FROM jobs WHERE status = 'queued' ORDER BY id LIMIT 1 FOR UPDATE SKIP LOCKED)
RETURNING id, worker;
-- session A
UPDATE jobs SET status = 'done' WHERE id = 1;
COMMIT;
-- session B
UPDATE jobs SET status = 'done' WHERE id = 2;
COMMIT;
SELECT status, count(*) AS jobs FROM jobs GROUP BY status ORDER BY status;
