SET max_parallel_workers_per_gather = 0;
-- Revenue per country: every order joins a customer. Build a hash table on the smaller input
-- (10,000 customers), then stream the 200,000 orders through it.
EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF, SUMMARY OFF)
SELECT c.country, count(*) AS orders, sum(o.total) AS revenue
FROM orders o
JOIN customers c ON c.id = o.customer_id
GROUP BY c.country
ORDER BY c.country;
