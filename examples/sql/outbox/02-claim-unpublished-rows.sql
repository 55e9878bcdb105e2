-- session A
BEGIN;
INSERT INTO outbox (aggregate_id, event_type, payload) VALUES (7, 'OrderCreated', '{}') RETURNING id;
-- session B
BEGIN;
INSERT INTO outbox (aggregate_id, event_type, payload) VALUES (8, 'OrderCreated', '{}') RETURNING id;
COMMIT;
-- session relay
UPDATE outbox SET published_at = '2026-03-01 09:00+00'
 WHERE id IN (SELECT id FROM outbox WHERE published_at IS NULL ORDER BY id LIMIT 100 FOR UPDATE SKIP LOCKED)
RETURNING id, aggregate_id;
-- session A
COMMIT;
-- session relay
UPDATE outbox SET published_at = '2026-03-01 09:00:01+00'
 WHERE id IN (SELECT id FROM outbox WHERE published_at IS NULL ORDER BY id LIMIT 100 FOR UPDATE SKIP LOCKED)
RETURNING id, aggregate_id;
TRUNCATE outbox RESTART IDENTITY;
