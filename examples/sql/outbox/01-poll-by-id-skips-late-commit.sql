-- session A
BEGIN;
INSERT INTO outbox (aggregate_id, event_type, payload) VALUES (7, 'OrderCreated', '{}') RETURNING id;
-- session B
BEGIN;
INSERT INTO outbox (aggregate_id, event_type, payload) VALUES (8, 'OrderCreated', '{}') RETURNING id;
COMMIT;
-- session relay
SELECT id, aggregate_id FROM outbox WHERE id > 0 ORDER BY id;
-- session A
COMMIT;
-- session relay
SELECT id, aggregate_id FROM outbox WHERE id > 2 ORDER BY id;
SELECT id, aggregate_id FROM outbox ORDER BY id;
TRUNCATE outbox RESTART IDENTITY;
