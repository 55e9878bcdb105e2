-- The naive design: check for an overlap, then insert. Two guests, the same room and nights, READ COMMITTED.
-- session A
BEGIN;
SELECT count(*) AS clashes FROM bookings_unguarded
WHERE room_id = 5 AND status = 'confirmed' AND during && tstzrange('2025-09-10 15:00+00', '2025-09-12 11:00+00');
-- session B
BEGIN;
SELECT count(*) AS clashes FROM bookings_unguarded
WHERE room_id = 5 AND status = 'confirmed' AND during && tstzrange('2025-09-11 15:00+00', '2025-09-13 11:00+00');
-- session A
INSERT INTO bookings_unguarded (id, room_id, guest_id, during)
VALUES (1, 5, 501, tstzrange('2025-09-10 15:00+00', '2025-09-12 11:00+00'));
COMMIT;
-- session B
INSERT INTO bookings_unguarded (id, room_id, guest_id, during)
VALUES (2, 5, 502, tstzrange('2025-09-11 15:00+00', '2025-09-13 11:00+00'));
COMMIT;
SELECT id, guest_id, during FROM bookings_unguarded ORDER BY id;
