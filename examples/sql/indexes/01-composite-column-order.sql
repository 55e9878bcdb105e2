-- Parallel query is off in this file so the plans stay short (it is on by default).
SET max_parallel_workers_per_gather = 0;

-- Equality column first, range column second.
CREATE INDEX orders_customer_created ON orders (customer_id, created_at);

-- Both conditions become index conditions: the scan starts at (42, 2024-06-01) and stops after customer 42.
EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF, SUMMARY OFF)
SELECT id, created_at, total FROM orders
WHERE customer_id = 42 AND created_at >= '2024-06-01';

-- Leftmost prefix: customer_id alone can use the index, and the rows come out already sorted by created_at.
EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF, SUMMARY OFF)
SELECT id, created_at, total FROM orders
WHERE customer_id = 42
ORDER BY created_at DESC LIMIT 3;

-- created_at alone is not a leftmost prefix: its values are scattered across every customer's section.
EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF, SUMMARY OFF)
SELECT count(*) FROM orders
WHERE created_at >= '2024-06-01' AND created_at < '2024-06-02';

DROP INDEX orders_customer_created;
