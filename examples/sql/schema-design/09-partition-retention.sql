SELECT c.relname AS partition, pg_get_expr(c.relpartbound, c.oid) AS bounds
  FROM pg_inherits AS i JOIN pg_class AS c ON c.oid = i.inhrelid
 WHERE i.inhparent = 'trips'::regclass
 ORDER BY c.relname;

ALTER TABLE trips DETACH PARTITION trips_2025_01;
