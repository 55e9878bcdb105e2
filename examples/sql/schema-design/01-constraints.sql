-- session A
UPDATE active_trips SET driver_id = 2440 WHERE trip_id = 89992 AND driver_id IS NULL;
INSERT INTO vehicle_assignments VALUES (7, 8, tstzrange('2025-03-01 00:00+00', '2025-03-02 00:00+00'));
INSERT INTO ratings VALUES (1, '2025-01-01 00:00+00', 'driver', 6);
UPDATE trips SET status = 'completed' WHERE trip_id = 89991 AND requested_at = '2025-03-31 23:45:36+00';
INSERT INTO riders (email, full_name) VALUES ('rider101@example.com', 'Someone Else');
INSERT INTO riders (email, full_name) VALUES ('rider100@example.com', 'Rider 100 again') RETURNING rider_id;
CREATE UNIQUE INDEX trips_one_live_per_driver ON trips (driver_id) WHERE status IN ('accepted', 'in_progress');
