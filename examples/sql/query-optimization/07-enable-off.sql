SET max_parallel_workers_per_gather = 0;
-- For demonstration only: enable_* = off makes a plan type look prohibitively expensive,
-- so you can see the planner's next choice. Never set these in production.
SET enable_hashjoin = off;
-- Next choice: a nested loop, with a Memoize cache (PostgreSQL 14+) in front of the customers lookup.
EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF, SUMMARY OFF)
SELECT c.country, count(*) AS orders
FROM orders o
JOIN customers c ON c.id = o.customer_id
GROUP BY c.country;

-- With nested loops also off, the planner falls back to a merge join over two index scans.
SET enable_nestloop = off;
EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF, SUMMARY OFF)
SELECT c.country, count(*) AS orders
FROM orders o
JOIN customers c ON c.id = o.customer_id
GROUP BY c.country;
