-- Room bookings for a small hotel chain. Seed: 20 hotels, 1,000 rooms, 60,000 bookings (60 stays per room
-- from March to August 2025), generated deterministically. Check-in 15:00, check-out 11:00.
CREATE EXTENSION IF NOT EXISTS btree_gist;   -- lets a GiST index compare room_id with = beside a range with &&

CREATE TABLE hotels (
    id    int  PRIMARY KEY,
    city  text NOT NULL
);

CREATE TABLE rooms (
    id        int  PRIMARY KEY,
    hotel_id  int  NOT NULL REFERENCES hotels,
    beds      int  NOT NULL CHECK (beds BETWEEN 1 AND 4)
);
CREATE INDEX rooms_hotel ON rooms (hotel_id);

-- The rule "a room is never booked twice for overlapping times" is a constraint, not application code:
-- the exclusion constraint (added after the seed, below) rejects any confirmed row whose room_id is equal
-- and whose range overlaps (&&).
-- Ranges are half-open, [check-in, check-out): a stay ending at 11:00 does not overlap one starting at 11:00.
-- Cancelled bookings stay as history and must not block the room: the constraint has a WHERE clause.
CREATE TABLE bookings (
    id        bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    room_id   int       NOT NULL,
    guest_id  bigint    NOT NULL,
    during    tstzrange NOT NULL CHECK (NOT isempty(during) AND lower_inc(during) AND NOT upper_inc(during)),
    status    text      NOT NULL DEFAULT 'confirmed' CHECK (status IN ('confirmed', 'cancelled'))
);

INSERT INTO hotels SELECT h, (ARRAY['Lisbon', 'Porto', 'Madrid', 'Seville'])[h % 4 + 1] FROM generate_series(1, 20) AS h;
INSERT INTO rooms SELECT r, (r - 1) % 20 + 1, (r / 20) % 4 + 1 FROM generate_series(1, 1000) AS r;

-- Each room gets 60 stays, one every 3 days from 1 March 2025, of 1 or 2 nights; every 25th is cancelled.
-- September is free in every room, for the concurrency demos.
INSERT INTO bookings (room_id, guest_id, during, status)
SELECT r,
       (r * 60 + k) % 20000 + 1,
       tstzrange(day + interval '15 hours', day + ((r + k) % 2 + 1) * interval '1 day' + interval '11 hours'),
       CASE WHEN (r + k) % 25 = 0 THEN 'cancelled' ELSE 'confirmed' END
FROM generate_series(1, 1000) AS r,
     generate_series(0, 59) AS k,
     LATERAL (SELECT timestamptz '2025-03-01 00:00+00' + k * interval '3 days' AS day) AS d;

-- Constraints and indexes after the seed: one bulk build or validation each instead of 60,000 row checks.
ALTER TABLE bookings ADD FOREIGN KEY (room_id) REFERENCES rooms;
ALTER TABLE bookings ADD CONSTRAINT no_double_booking
    EXCLUDE USING gist (room_id WITH =, during WITH &&) WHERE (status = 'confirmed');
CREATE INDEX bookings_guest ON bookings (guest_id, lower(during) DESC);

-- The naive design, for the race demo: the same table without the constraint.
CREATE TABLE bookings_unguarded (LIKE bookings INCLUDING DEFAULTS);
