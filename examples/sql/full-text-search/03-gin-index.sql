-- Parallel query is off in this file so the plan stays short.
SET max_parallel_workers_per_gather = 0;

-- The GIN index maps each lexeme to the rows that contain it: the query ANDs two posting lists.
EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF, SUMMARY OFF)
SELECT id, title FROM articles
WHERE search @@ websearch_to_tsquery('english', 'kafka partitions postmortem');
