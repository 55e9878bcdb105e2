SET max_parallel_workers_per_gather = 0;
-- ORDER BY ... LIMIT keeps only the best 10 rows in a heap: tiny memory whatever the table size.
EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF, SUMMARY OFF)
SELECT id, total FROM orders ORDER BY total DESC LIMIT 10;

-- A full sort of 200,000 rows does not fit in the default work_mem (4MB): it spills to disk.
SHOW work_mem;
EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF, SUMMARY OFF)
SELECT id, total FROM orders ORDER BY total;

-- With more work_mem the same sort runs in memory. work_mem is per sort or hash node, per query, per
-- connection: 100 connections x 3 nodes x 32MB can reach 9.6GB.
SET work_mem = '32MB';
EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF, SUMMARY OFF)
SELECT id, total FROM orders ORDER BY total;
