SET timezone = 'UTC';
SELECT trip_id, rider_id, requested_at
  FROM active_trips
 WHERE city_id = 1 AND driver_id IS NULL
 ORDER BY requested_at;
