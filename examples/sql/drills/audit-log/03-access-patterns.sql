SET max_parallel_workers_per_gather = 0;

-- A. The history of one record, newest first (the "activity" tab): no time bound, so every partition is
-- searched, each through its own index, and the ordered results are merged.
-- plan: audit_events_* via audit_events_2025_0*_entity_type_entity_id_occurred_at_idx
EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF, SUMMARY OFF)
SELECT occurred_at, actor_id, action FROM audit_events
WHERE entity_type = 'invoice' AND entity_id = 4001
ORDER BY occurred_at DESC LIMIT 20;

-- B. A tenant's events for one day (a compliance export): pruned to May, then the tenant index.
-- plan: audit_events_* via audit_events_2025_05_tenant_id_occurred_at_idx
EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF, SUMMARY OFF)
SELECT occurred_at, actor_id, action, entity_type, entity_id FROM audit_events
WHERE tenant_id = 12 AND occurred_at >= '2025-05-14' AND occurred_at < '2025-05-15';

-- C. What one actor did in a week (a security investigation).
-- plan: audit_events_* via audit_events_2025_06_actor_id_occurred_at_idx
EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF, SUMMARY OFF)
SELECT occurred_at, action, entity_type, entity_id FROM audit_events
WHERE actor_id = 321 AND occurred_at >= '2025-06-02' AND occurred_at < '2025-06-09';
