SET max_parallel_workers_per_gather = 0;

-- "Every driver within 500 m": containment in a circle is an indexable GiST operator (<@).
EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF, SUMMARY OFF)
SELECT id FROM drivers WHERE pos <@ circle '((50.123, 49.877), 0.5)';

SELECT count(*) AS within_500_m
FROM drivers WHERE pos <@ circle '((50.123, 49.877), 0.5)';

-- The same answer from a full scan of distances, to check the index.
SELECT count(*) AS by_distance
FROM drivers WHERE pos <-> point '(50.123, 49.877)' <= 0.5;
