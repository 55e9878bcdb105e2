-- Room 7's first stays, and a cancelled one, then four attempts against them.
SELECT id, during, status FROM bookings
WHERE room_id = 7 AND (lower(during) < '2025-03-06' OR status = 'cancelled')
ORDER BY lower(during);

-- Overlaps the first stay by one night: rejected.
INSERT INTO bookings (room_id, guest_id, during)
VALUES (7, 42, tstzrange('2025-03-02 15:00+00', '2025-03-04 11:00+00'));

-- Starts at the minute the first guest checks out (a day-use booking): half-open ranges do not overlap.
INSERT INTO bookings (room_id, guest_id, during)
VALUES (7, 42, tstzrange('2025-03-03 11:00+00', '2025-03-03 14:00+00'))
RETURNING id, during;

-- The same nights as the first stay in another room: the constraint compares room_id with =.
INSERT INTO bookings (room_id, guest_id, during)
VALUES (8, 42, tstzrange('2025-03-02 15:00+00', '2025-03-04 11:00+00'))
RETURNING id, room_id;

-- The nights of a cancelled booking: the constraint's WHERE leaves cancelled rows out, so accepted.
INSERT INTO bookings (room_id, guest_id, during)
VALUES (7, 43, tstzrange('2025-04-24 15:00+00', '2025-04-26 11:00+00'))
RETURNING id, status;

-- An inclusive upper bound would make back-to-back stays overlap; the CHECK refuses it.
INSERT INTO bookings (room_id, guest_id, during)
VALUES (9, 44, tstzrange('2025-09-20 15:00+00', '2025-09-21 11:00+00', '[]'));
