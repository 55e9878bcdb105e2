-- session A
BEGIN ISOLATION LEVEL READ COMMITTED;
SELECT count(*) AS taken FROM bookings WHERE room = 1 AND slot = 10;
-- session B
BEGIN ISOLATION LEVEL READ COMMITTED;
SELECT count(*) AS taken FROM bookings WHERE room = 1 AND slot = 10;
-- session A
INSERT INTO bookings VALUES (1, 10, 'ana');
-- session B
INSERT INTO bookings VALUES (1, 10, 'ben');
-- session A
COMMIT;
-- session B
COMMIT;
SELECT booker FROM bookings WHERE room = 1 AND slot = 10;
DELETE FROM bookings;
