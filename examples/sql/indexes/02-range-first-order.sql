-- The other order: range column first. It can still answer the query, but it must walk every entry in the
-- date range (all customers) and check customer_id on each.
CREATE INDEX orders_created_customer ON orders (created_at, customer_id);

EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF, SUMMARY OFF)
SELECT id, created_at, total FROM orders
WHERE customer_id = 42 AND created_at >= '2024-06-01';

-- How many index entries each order has to read for that query:
SELECT
    (SELECT count(*) FROM orders WHERE customer_id = 42 AND created_at >= '2024-06-01') AS equality_first,
    (SELECT count(*) FROM orders WHERE created_at >= '2024-06-01')                    AS range_first;

DROP INDEX orders_created_customer;
