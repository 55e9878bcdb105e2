SET max_parallel_workers_per_gather = 0;
-- 80% of the rows match: reading the table front to back is cheapest.
EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF, SUMMARY OFF)
SELECT count(*) FROM orders WHERE total > 100;

-- Only 1% match, but there is no index on status: a sequential scan is the only way.
EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF, SUMMARY OFF)
SELECT id FROM orders WHERE status = 'pending';
