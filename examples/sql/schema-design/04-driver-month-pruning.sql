SET timezone = 'UTC';
EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF, SUMMARY OFF)
SELECT count(*) AS trips, sum(fare_cents) AS earned_cents
  FROM trips
 WHERE driver_id = 42 AND status = 'completed'
   AND requested_at >= '2025-02-01 00:00+00' AND requested_at < '2025-03-01 00:00+00';

SELECT count(*) AS trips, sum(fare_cents) AS earned_cents
  FROM trips
 WHERE driver_id = 42 AND status = 'completed'
   AND requested_at >= '2025-02-01 00:00+00' AND requested_at < '2025-03-01 00:00+00';
