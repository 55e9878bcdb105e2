-- 100,000 drivers on a 100 km x 100 km plane (core PostgreSQL `point`, coordinates in km), generated
-- deterministically. PostGIS is not installed on the test machine; the same GiST mechanics apply to its
-- geometry and geography types.
CREATE TABLE drivers (
    id  int   PRIMARY KEY,
    pos point NOT NULL
);
INSERT INTO drivers
SELECT g, point(((g::bigint * 7919) % 100000) / 1000.0, round(((g::bigint * 104729) % 99991) / 999.91, 3))
FROM generate_series(1, 100000) AS g;
