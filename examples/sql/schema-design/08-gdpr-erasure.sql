UPDATE riders
   SET email = 'erased-' || rider_id || '@invalid', full_name = 'erased', phone = NULL,
       deleted_at = coalesce(deleted_at, now())
 WHERE rider_id = 4242
RETURNING rider_id, email, full_name;

SELECT count(*) AS trips_kept, sum(fare_cents) AS revenue_cents FROM trips WHERE rider_id = 4242;
