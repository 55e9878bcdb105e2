SET timezone = 'UTC';
SELECT seq, status, at
  FROM trip_events
 WHERE trip_id = 41 AND requested_at = '2025-01-01 00:57:36+00'
 ORDER BY seq;

SELECT t.status AS stored_status, e.status AS latest_event
  FROM trips AS t
  JOIN LATERAL (SELECT status FROM trip_events AS e
                 WHERE e.trip_id = t.trip_id AND e.requested_at = t.requested_at
                 ORDER BY seq DESC LIMIT 1) AS e ON true
 WHERE t.trip_id = 41 AND t.requested_at = '2025-01-01 00:57:36+00';

EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF, SUMMARY OFF)
SELECT payment_id, amount_cents, status FROM payments WHERE trip_id = 41;
