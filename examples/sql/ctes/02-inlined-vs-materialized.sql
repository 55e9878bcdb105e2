-- PostgreSQL 12+ inlines a side-effect-free CTE referenced once: the outer filter reaches the index.
EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF, SUMMARY OFF)
WITH e AS (
    SELECT * FROM events
)
SELECT count(*) FROM e WHERE user_id = 42;

-- MATERIALIZED forces the old behaviour: compute the whole CTE once, then filter the stored result.
EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF, SUMMARY OFF)
WITH e AS MATERIALIZED (
    SELECT * FROM events
)
SELECT count(*) FROM e WHERE user_id = 42;
