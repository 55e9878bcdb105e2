-- Parallel query is off in this file so the plans stay short (it is on by default).
SET max_parallel_workers_per_gather = 0;

-- Only 1% of orders are pending, and the work queue only ever asks for pending ones.
CREATE INDEX orders_pending_created ON orders (created_at) WHERE status = 'pending';
CREATE INDEX orders_created_all ON orders (created_at);

SELECT indexrelid::regclass AS index, pg_size_pretty(pg_relation_size(indexrelid)) AS size
FROM pg_index WHERE indexrelid::regclass::text IN ('orders_pending_created', 'orders_created_all')
ORDER BY pg_relation_size(indexrelid);

DROP INDEX orders_created_all;

-- The query's WHERE implies the index predicate, so the partial index is used (and gives the order).
EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF, SUMMARY OFF)
SELECT id, created_at FROM orders
WHERE status = 'pending'
ORDER BY created_at LIMIT 5;

-- A query that does not imply status = 'pending' cannot use it.
EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF, SUMMARY OFF)
SELECT id, created_at FROM orders
WHERE status = 'shipped'
ORDER BY created_at LIMIT 5;

DROP INDEX orders_pending_created;
