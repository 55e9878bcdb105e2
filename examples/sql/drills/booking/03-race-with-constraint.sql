-- The same race against the exclusion constraint. B's insert waits for A's transaction (the index entry it
-- conflicts with is not yet committed), then fails when A commits.
-- session A
BEGIN;
INSERT INTO bookings (room_id, guest_id, during)
VALUES (5, 501, tstzrange('2025-09-10 15:00+00', '2025-09-12 11:00+00'));
-- session B
BEGIN;
INSERT INTO bookings (room_id, guest_id, during)
VALUES (5, 502, tstzrange('2025-09-11 15:00+00', '2025-09-13 11:00+00'));
-- session A
COMMIT;
-- session B
ROLLBACK;
-- And if A rolls back instead, B's waiting insert goes through.
-- session A
BEGIN;
INSERT INTO bookings (room_id, guest_id, during)
VALUES (5, 503, tstzrange('2025-09-20 15:00+00', '2025-09-22 11:00+00'));
-- session B
BEGIN;
INSERT INTO bookings (room_id, guest_id, during)
VALUES (5, 504, tstzrange('2025-09-21 15:00+00', '2025-09-23 11:00+00'));
-- session A
ROLLBACK;
-- session B
COMMIT;
SELECT guest_id, during FROM bookings WHERE room_id = 5 AND lower(during) >= '2025-09-01' ORDER BY id;
