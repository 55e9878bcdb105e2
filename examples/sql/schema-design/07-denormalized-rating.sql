SELECT d.driver_id,
       round(d.rating_sum::numeric / d.rating_count, 2) AS stored_avg,
       (SELECT round(avg(r.stars), 2)
          FROM ratings AS r JOIN trips AS t USING (trip_id, requested_at)
         WHERE t.driver_id = d.driver_id AND r.rated_by = 'rider') AS computed_avg
  FROM drivers AS d
 WHERE d.driver_id = 42;
