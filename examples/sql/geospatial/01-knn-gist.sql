SET max_parallel_workers_per_gather = 0;

-- Without a spatial index, the five nearest drivers need a distance for every row and a sort.
EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF, SUMMARY OFF)
SELECT id FROM drivers ORDER BY pos <-> point '(50.123, 49.877)' LIMIT 5;

-- A GiST index on the point column: an R-tree-like tree of bounding boxes.
CREATE INDEX drivers_pos_gist ON drivers USING gist (pos);

-- The same query now walks the index in distance order (a KNN scan) and stops after five rows.
EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF, SUMMARY OFF)
SELECT id FROM drivers ORDER BY pos <-> point '(50.123, 49.877)' LIMIT 5;

SELECT id, pos, round((pos <-> point '(50.123, 49.877)')::numeric, 3) AS km
FROM drivers
ORDER BY pos <-> point '(50.123, 49.877)'
LIMIT 5;
