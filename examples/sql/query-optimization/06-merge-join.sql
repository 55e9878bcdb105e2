SET max_parallel_workers_per_gather = 0;
-- Both inputs can be read in join-key order from their primary keys, and the result must come out
-- in that order anyway: a merge join walks the two sorted streams side by side with no sort and no hash.
EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF, SUMMARY OFF)
SELECT o.id, s.carrier
FROM orders o
JOIN shipments s ON s.order_id = o.id
ORDER BY o.id;

-- Without the ORDER BY the same join is a hash join: sorted order is no longer worth anything.
EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF, SUMMARY OFF)
SELECT count(*)
FROM orders o
JOIN shipments s ON s.order_id = o.id;
