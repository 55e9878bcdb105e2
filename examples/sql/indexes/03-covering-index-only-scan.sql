-- A covering index: customer_id is the key, total rides along in the leaf pages (INCLUDE, PostgreSQL 11+).
CREATE INDEX orders_customer_incl_total ON orders (customer_id) INCLUDE (total);

-- The freshly loaded table has never been vacuumed: its visibility map is empty (relallvisible = 0),
-- so an index-only scan would visit the heap for every row anyway, and the planner does not choose one.
EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF, SUMMARY OFF)
SELECT sum(total) FROM orders WHERE customer_id = 42;

-- VACUUM marks all-visible pages in the visibility map; now the heap is skipped.
VACUUM orders;
EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF, SUMMARY OFF)
SELECT sum(total) FROM orders WHERE customer_id = 42;

-- An update clears the all-visible bit of the pages it touches, and those rows go back to the heap.
UPDATE orders SET status = 'delivered' WHERE customer_id = 42 AND id <= 50000;
EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF, SUMMARY OFF)
SELECT sum(total) FROM orders WHERE customer_id = 42;

VACUUM orders;
DROP INDEX orders_customer_incl_total;
