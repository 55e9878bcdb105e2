SET max_parallel_workers_per_gather = 0;
-- Page 4,501 of 20 rows, newest first: OFFSET 90000 reads and throws away 90,000 rows first.
EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF, SUMMARY OFF)
SELECT id, created_at, title
FROM posts
ORDER BY created_at DESC, id DESC
LIMIT 20 OFFSET 90000;
