-- Append-only: an UPDATE is refused, even for the table's owner.
UPDATE audit_events SET action = 'nothing happened' WHERE occurred_at = '2025-02-12 00:00:00+00';

-- Deleting an event of tenant 7 from 12 February: under the hold, refused.
DELETE FROM audit_events WHERE tenant_id = 7 AND occurred_at >= '2025-02-12' AND occurred_at < '2025-02-13';

-- Dropping February's partition by hand: refused by the event trigger.
DROP TABLE audit_events_2025_02;

-- An event past the last partition has nowhere to go: create partitions ahead of time.
INSERT INTO audit_events (tenant_id, actor_id, action, entity_type, entity_id, occurred_at)
VALUES (1, 1, 'login', 'user', 1, '2025-07-01 00:00:01+00');
