SET max_parallel_workers_per_gather = 0;
-- The N+1 pattern: one query for the page of customers ...
SELECT id, name FROM customers WHERE id BETWEEN 101 AND 105 ORDER BY id;
-- ... then one query per customer, in a loop in application code (5 round trips here, 50 on a real page):
SELECT count(*) AS orders FROM orders WHERE customer_id = 101;

-- Fix 1: fetch all the children in one query with the collected ids (what ORMs call eager loading).
EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF, SUMMARY OFF)
SELECT customer_id, id, total FROM orders WHERE customer_id = ANY ('{101,102,103,104,105}'::int[]);

-- Fix 2: let the database join and aggregate, one round trip in all.
SELECT c.id, c.name, count(o.id) AS orders, sum(o.total) AS spent
FROM customers c
LEFT JOIN orders o ON o.customer_id = c.id
WHERE c.id BETWEEN 101 AND 105
GROUP BY c.id, c.name
ORDER BY c.id;
