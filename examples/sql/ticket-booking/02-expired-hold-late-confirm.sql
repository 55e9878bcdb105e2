-- 10:11: buyer 1 never paid. Buyer 3 asks for A-1 and A-2; the expired hold counts as available.
UPDATE seats
   SET state = 'held', hold_id = '00000000-0000-0000-0000-000000000003',
       held_until = timestamptz '2026-06-01 10:21:00+00'
 WHERE event_id = 7 AND seat_id IN ('A-1', 'A-2')
   AND (state = 'available' OR (state = 'held' AND held_until < timestamptz '2026-06-01 10:11:00+00'))
RETURNING seat_id;

-- 10:12: buyer 1's payment finally succeeds and the service tries to confirm hold 1. No rows: the seats
-- are no longer theirs, so the service voids the card authorisation instead of capturing it.
UPDATE seats
   SET state = 'sold', order_id = 501, hold_id = NULL, held_until = NULL
 WHERE event_id = 7 AND hold_id = '00000000-0000-0000-0000-000000000001'
   AND held_until > timestamptz '2026-06-01 10:12:00+00'
RETURNING seat_id;

-- 10:14: buyer 3 pays in time. Confirming the hold and issuing tickets is one transaction.
BEGIN;
UPDATE seats
   SET state = 'sold', order_id = 503, hold_id = NULL, held_until = NULL
 WHERE event_id = 7 AND hold_id = '00000000-0000-0000-0000-000000000003'
   AND held_until > timestamptz '2026-06-01 10:14:00+00'
RETURNING seat_id;
INSERT INTO tickets (event_id, seat_id, order_id) VALUES (7, 'A-1', 503), (7, 'A-2', 503);
COMMIT;

-- A bug that skips the seat check still cannot sell A-1 twice: the unique key refuses it.
INSERT INTO tickets (event_id, seat_id, order_id) VALUES (7, 'A-1', 501);

SELECT seat_id, state, order_id FROM seats WHERE event_id = 7 ORDER BY seat_id;
