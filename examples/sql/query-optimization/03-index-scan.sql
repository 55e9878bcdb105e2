SET max_parallel_workers_per_gather = 0;
-- One row by primary key: descend the B-tree, fetch one heap tuple.
EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF, SUMMARY OFF)
SELECT * FROM orders WHERE id = 4242;

-- 720 rows, but created_at follows the physical order of the table (correlation 1),
-- so consecutive index entries point into the same few heap pages.
EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF, SUMMARY OFF)
SELECT * FROM orders WHERE created_at >= '2024-03-01' AND created_at < '2024-03-02';
