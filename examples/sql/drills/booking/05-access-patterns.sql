SET max_parallel_workers_per_gather = 0;

-- A. Is room 7 free for these nights? (every search result, every checkout: the hottest read)
-- plan: bookings via no_double_booking
EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF, SUMMARY OFF)
SELECT EXISTS (
    SELECT 1 FROM bookings
    WHERE room_id = 7 AND status = 'confirmed'
      AND during && tstzrange('2025-05-10 15:00+00', '2025-05-12 11:00+00'));

-- B. Free rooms with 2 beds in hotel 3 for those nights (the search page).
-- plan: rooms via rooms_hotel
-- plan: bookings via no_double_booking
EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF, SUMMARY OFF)
SELECT r.id FROM rooms AS r
WHERE r.hotel_id = 3 AND r.beds = 2
  AND NOT EXISTS (
    SELECT 1 FROM bookings AS b
    WHERE b.room_id = r.id AND b.status = 'confirmed'
      AND b.during && tstzrange('2025-05-10 15:00+00', '2025-05-12 11:00+00'));

-- C. A guest's bookings, latest stay first ("my trips").
-- plan: bookings via bookings_guest
EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF, SUMMARY OFF)
SELECT id, room_id, during, status FROM bookings
WHERE guest_id = 4242
ORDER BY lower(during) DESC LIMIT 10;
