-- One plan read in full: costs and row estimates (planner) next to actual rows and loops (execution).
-- TIMING OFF hides the per-node times, which change on every run.
-- Parallel query is switched off in every file of this page so the plans stay short.
SET max_parallel_workers_per_gather = 0;
EXPLAIN (ANALYZE, TIMING OFF, SUMMARY OFF)
SELECT c.name, o.id, o.total
FROM customers c
JOIN orders o ON o.customer_id = c.id
WHERE c.id BETWEEN 100 AND 104;
