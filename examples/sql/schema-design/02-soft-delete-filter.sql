EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF, SUMMARY OFF)
SELECT rider_id FROM riders WHERE email = 'rider4242@example.com' AND deleted_at IS NULL;

EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF, SUMMARY OFF)
SELECT rider_id FROM riders WHERE email = 'rider4242@example.com';
