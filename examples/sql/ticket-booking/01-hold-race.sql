-- session A
BEGIN;
-- Buyer 1 holds A-1 and A-2 until 10:10 if both are free or their hold has expired.
-- The service passes its own clock (10:00 here) so that the example is repeatable.
UPDATE seats
   SET state = 'held', hold_id = '00000000-0000-0000-0000-000000000001',
       held_until = timestamptz '2026-06-01 10:10:00+00'
 WHERE event_id = 7 AND seat_id IN ('A-1', 'A-2')
   AND (state = 'available' OR (state = 'held' AND held_until < timestamptz '2026-06-01 10:00:00+00'))
RETURNING seat_id;
-- session B
BEGIN;
-- Buyer 2 wants A-2 and A-3 at the same moment.
UPDATE seats
   SET state = 'held', hold_id = '00000000-0000-0000-0000-000000000002',
       held_until = timestamptz '2026-06-01 10:10:00+00'
 WHERE event_id = 7 AND seat_id IN ('A-2', 'A-3')
   AND (state = 'available' OR (state = 'held' AND held_until < timestamptz '2026-06-01 10:00:00+00'))
RETURNING seat_id;
-- session A
COMMIT;
-- session B
-- One row back for two seats asked: the service rolls back and offers other seats.
ROLLBACK;
SELECT seat_id, state, hold_id FROM seats WHERE event_id = 7 ORDER BY seat_id;
