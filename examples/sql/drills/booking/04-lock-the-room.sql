-- The other correct design: lock the room row, then check and insert. B waits on the lock, and when A
-- commits, B's check (a new statement, so a new snapshot under READ COMMITTED) sees A's booking.
-- session A
BEGIN;
SELECT id FROM rooms WHERE id = 6 FOR UPDATE;
SELECT count(*) AS clashes FROM bookings
WHERE room_id = 6 AND status = 'confirmed' AND during && tstzrange('2025-09-10 15:00+00', '2025-09-12 11:00+00');
-- session B
BEGIN;
SELECT id FROM rooms WHERE id = 6 FOR UPDATE;
-- session A
INSERT INTO bookings (room_id, guest_id, during)
VALUES (6, 601, tstzrange('2025-09-10 15:00+00', '2025-09-12 11:00+00'));
COMMIT;
-- session B
SELECT count(*) AS clashes FROM bookings
WHERE room_id = 6 AND status = 'confirmed' AND during && tstzrange('2025-09-11 15:00+00', '2025-09-13 11:00+00');
ROLLBACK;
