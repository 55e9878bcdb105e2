SET timezone = 'UTC';
EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF, SUMMARY OFF)
SELECT trip_id, requested_at, status, fare_cents
  FROM trips
 WHERE rider_id = 4242
 ORDER BY requested_at DESC
 LIMIT 2;

SELECT trip_id, requested_at, status, fare_cents
  FROM trips
 WHERE rider_id = 4242
 ORDER BY requested_at DESC
 LIMIT 2;
