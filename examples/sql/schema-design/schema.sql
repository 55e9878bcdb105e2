-- The ride-sharing schema: riders, drivers, vehicles, trips (partitioned by month), trip events,
-- payments and ratings. Seed: 3 cities, 30,000 riders, 3,000 drivers and vehicles, 90,000 trips
-- (1,000 a day from 1 January to 31 March 2025), about 351,000 trip events.
SET timezone = 'UTC';
CREATE EXTENSION btree_gist;  -- lets a GiST exclusion constraint compare plain ids with =

CREATE TABLE cities (
    city_id  int PRIMARY KEY,
    name     text    NOT NULL UNIQUE,
    currency char(3) NOT NULL
);

CREATE TABLE riders (
    rider_id   bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    email      text        NOT NULL CHECK (email = lower(email)),
    full_name  text        NOT NULL,
    phone      text,
    created_at timestamptz NOT NULL DEFAULT now(),
    deleted_at timestamptz                       -- soft delete: NULL means active
);
-- One active account per email; a deleted account does not block a new sign-up.
CREATE UNIQUE INDEX riders_email_active ON riders (email) WHERE deleted_at IS NULL;

CREATE TABLE drivers (
    driver_id    bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    city_id      int    NOT NULL REFERENCES cities,
    full_name    text   NOT NULL,
    license_no   text   NOT NULL,
    status       text   NOT NULL DEFAULT 'offline' CHECK (status IN ('offline', 'available', 'on_trip')),
    -- Denormalized: the sum and count of the stars riders gave this driver, kept in step by the rating write.
    rating_sum   int    NOT NULL DEFAULT 0,
    rating_count int    NOT NULL DEFAULT 0 CHECK (rating_count >= 0),
    deleted_at   timestamptz,
    CHECK (rating_sum BETWEEN rating_count AND 5 * rating_count)
);
CREATE UNIQUE INDEX drivers_license_active ON drivers (license_no) WHERE deleted_at IS NULL;

CREATE TABLE vehicles (
    vehicle_id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    city_id    int      NOT NULL REFERENCES cities,
    plate      text     NOT NULL,
    seats      smallint NOT NULL CHECK (seats BETWEEN 1 AND 8),
    UNIQUE (city_id, plate)
);

-- Who drives which car, when. A car has one driver at a time, and a driver one car at a time.
CREATE TABLE vehicle_assignments (
    driver_id  bigint    NOT NULL REFERENCES drivers,
    vehicle_id bigint    NOT NULL REFERENCES vehicles,
    during     tstzrange NOT NULL,
    CONSTRAINT one_driver_per_vehicle EXCLUDE USING gist (vehicle_id WITH =, during WITH &&),
    CONSTRAINT one_vehicle_per_driver EXCLUDE USING gist (driver_id WITH =, during WITH &&)
);

-- Trips, partitioned by month on requested_at. The primary key must include the partition key.
CREATE TABLE trips (
    trip_id      bigserial,
    requested_at timestamptz NOT NULL,
    city_id      int    NOT NULL REFERENCES cities,   -- the shard key if trips are ever sharded
    rider_id     bigint NOT NULL REFERENCES riders,
    driver_id    bigint REFERENCES drivers,           -- NULL until a driver accepts
    vehicle_id   bigint REFERENCES vehicles,
    status       text   NOT NULL
                 CHECK (status IN ('requested', 'accepted', 'in_progress', 'completed', 'cancelled')),
    completed_at timestamptz CHECK (completed_at > requested_at),
    fare_cents   int    CHECK (fare_cents >= 0),
    PRIMARY KEY (trip_id, requested_at),
    CONSTRAINT assigned_has_driver CHECK (status IN ('requested', 'cancelled') OR driver_id IS NOT NULL),
    CONSTRAINT completed_has_fare  CHECK (status <> 'completed' OR (completed_at IS NOT NULL AND fare_cents IS NOT NULL))
) PARTITION BY RANGE (requested_at);
CREATE TABLE trips_2025_01 PARTITION OF trips FOR VALUES FROM ('2025-01-01 00:00+00') TO ('2025-02-01 00:00+00');
CREATE TABLE trips_2025_02 PARTITION OF trips FOR VALUES FROM ('2025-02-01 00:00+00') TO ('2025-03-01 00:00+00');
CREATE TABLE trips_2025_03 PARTITION OF trips FOR VALUES FROM ('2025-03-01 00:00+00') TO ('2025-04-01 00:00+00');
CREATE TABLE trips_2025_04 PARTITION OF trips FOR VALUES FROM ('2025-04-01 00:00+00') TO ('2025-05-01 00:00+00');
-- Indexes on the parent are created on every partition.
CREATE INDEX trips_rider_recent ON trips (rider_id, requested_at DESC);   -- "my trips", newest first
CREATE INDEX trips_driver_time  ON trips (driver_id, requested_at);       -- driver earnings per period

-- The live trips: a small, unpartitioned table, so its unique constraints hold across all months.
CREATE TABLE active_trips (
    trip_id      bigint      PRIMARY KEY,
    requested_at timestamptz NOT NULL,
    city_id      int         NOT NULL,
    rider_id     bigint      NOT NULL UNIQUE,  -- one live trip per rider
    driver_id    bigint      UNIQUE,           -- one live trip per driver; NULLs (unassigned) never collide
    FOREIGN KEY (trip_id, requested_at) REFERENCES trips
);

-- Status history: one row per transition, appended and never updated. Same monthly partitions as trips.
CREATE TABLE trip_events (
    trip_id      bigint      NOT NULL,
    requested_at timestamptz NOT NULL,
    seq          smallint    NOT NULL,
    status       text        NOT NULL,
    at           timestamptz NOT NULL,
    PRIMARY KEY (trip_id, requested_at, seq),
    FOREIGN KEY (trip_id, requested_at) REFERENCES trips
) PARTITION BY RANGE (requested_at);
CREATE TABLE trip_events_2025_01 PARTITION OF trip_events FOR VALUES FROM ('2025-01-01 00:00+00') TO ('2025-02-01 00:00+00');
CREATE TABLE trip_events_2025_02 PARTITION OF trip_events FOR VALUES FROM ('2025-02-01 00:00+00') TO ('2025-03-01 00:00+00');
CREATE TABLE trip_events_2025_03 PARTITION OF trip_events FOR VALUES FROM ('2025-03-01 00:00+00') TO ('2025-04-01 00:00+00');
CREATE TABLE trip_events_2025_04 PARTITION OF trip_events FOR VALUES FROM ('2025-04-01 00:00+00') TO ('2025-05-01 00:00+00');

CREATE TABLE payments (
    payment_id      bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    trip_id         bigint      NOT NULL,
    requested_at    timestamptz NOT NULL,
    amount_cents    int         NOT NULL CHECK (amount_cents > 0),
    currency        char(3)     NOT NULL,
    status          text        NOT NULL CHECK (status IN ('pending', 'captured', 'refunded', 'failed')),
    idempotency_key text        NOT NULL UNIQUE,   -- a retried charge request finds the first attempt
    FOREIGN KEY (trip_id, requested_at) REFERENCES trips
);
CREATE INDEX payments_trip ON payments (trip_id);         -- the trip page and refunds look up by trip

CREATE TABLE ratings (
    trip_id      bigint      NOT NULL,
    requested_at timestamptz NOT NULL,
    rated_by     text        NOT NULL CHECK (rated_by IN ('rider', 'driver')),
    stars        smallint    NOT NULL CHECK (stars BETWEEN 1 AND 5),
    PRIMARY KEY (trip_id, rated_by),              -- each side rates a trip at most once
    FOREIGN KEY (trip_id, requested_at) REFERENCES trips
);

-- Seed data, all deterministic.
INSERT INTO cities VALUES (1, 'Lisbon', 'EUR'), (2, 'Porto', 'EUR'), (3, 'Madrid', 'EUR');

INSERT INTO riders (email, full_name, phone, created_at, deleted_at)
SELECT 'rider' || g || '@example.com', 'Rider ' || g, '+351' || (900000000 + g),
       '2024-01-01 00:00+00'::timestamptz + g * interval '10 minutes',
       CASE WHEN g % 100 = 0 THEN '2025-03-15 00:00+00'::timestamptz END   -- every 100th rider left
FROM generate_series(1, 30000) AS g;

INSERT INTO drivers (city_id, full_name, license_no, status)
SELECT 1 + g % 3, 'Driver ' || g, 'L' || (100000 + g), 'available'
FROM generate_series(1, 3000) AS g;

INSERT INTO vehicles (city_id, plate, seats)
SELECT 1 + g % 3, 'AA-' || lpad(g::text, 4, '0'), 4 FROM generate_series(1, 3000) AS g;

INSERT INTO vehicle_assignments
SELECT g, g, tstzrange('2025-01-01 00:00+00', NULL) FROM generate_series(1, 3000) AS g;

-- 90,000 trips, one every 86.4 seconds; every 20th cancelled; the last 10 still live.
INSERT INTO trips (requested_at, city_id, rider_id, driver_id, vehicle_id, status, completed_at, fare_cents)
SELECT requested_at, 1 + d % 3, 1 + (g * 7919) % 30000,
       CASE WHEN status IN ('cancelled', 'requested') THEN NULL ELSE d END,
       CASE WHEN status IN ('cancelled', 'requested') THEN NULL ELSE d END,
       status,
       CASE WHEN status = 'completed' THEN requested_at + (10 + g % 30) * interval '1 minute' END,
       CASE WHEN status = 'completed' THEN 500 + (g % 40) * 75 END
FROM (
    SELECT g, 1 + (g::bigint * 104729) % 3000 AS d,
           '2025-01-01 00:00+00'::timestamptz + (g - 1) * interval '86.4 seconds' AS requested_at,
           CASE WHEN g > 89990 AND g % 2 = 0 THEN 'requested'
                WHEN g > 89990 THEN 'in_progress'
                WHEN g % 20 = 0 THEN 'cancelled'
                ELSE 'completed' END AS status
    FROM generate_series(1, 90000) AS g
) AS s;

INSERT INTO active_trips
SELECT trip_id, requested_at, city_id, rider_id, driver_id FROM trips WHERE status IN ('requested', 'in_progress');
UPDATE drivers SET status = 'on_trip' WHERE driver_id IN (SELECT driver_id FROM active_trips);

INSERT INTO trip_events
SELECT t.trip_id, t.requested_at, e.seq, e.status,
       CASE WHEN e.seq = 4 THEN t.completed_at ELSE t.requested_at + e.after END
FROM trips AS t
JOIN (VALUES (1, 'requested', interval '0'), (2, 'accepted', interval '40 seconds'),
             (3, 'in_progress', interval '5 minutes'), (4, 'completed', NULL))
     AS e (seq, status, after)
  ON e.seq <= CASE t.status WHEN 'completed' THEN 4 WHEN 'in_progress' THEN 3 ELSE 1 END;
INSERT INTO trip_events
SELECT trip_id, requested_at, 2, 'cancelled', requested_at + interval '3 minutes' FROM trips WHERE status = 'cancelled';

INSERT INTO payments (trip_id, requested_at, amount_cents, currency, status, idempotency_key)
SELECT trip_id, requested_at, fare_cents, 'EUR', 'captured', 'trip-' || trip_id || '-charge'
FROM trips WHERE status = 'completed';

INSERT INTO ratings
SELECT trip_id, requested_at, 'rider', CASE trip_id % 10 WHEN 0 THEN 2 WHEN 1 THEN 4 ELSE 5 END
FROM trips WHERE status = 'completed' AND trip_id % 3 <> 0;

UPDATE drivers AS d SET rating_sum = r.s, rating_count = r.n
  FROM (SELECT t.driver_id, sum(r.stars) AS s, count(*) AS n
          FROM ratings AS r JOIN trips AS t USING (trip_id, requested_at)
         WHERE r.rated_by = 'rider'
         GROUP BY t.driver_id) AS r
 WHERE d.driver_id = r.driver_id;
