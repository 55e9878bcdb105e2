-- 100,000 posts, two per minute from 2026-01-01 (so created_at has ties and id breaks them).
-- Generated deterministically; autovacuum is off so the statistics, and the plans, are reproducible.
CREATE TABLE posts (
    id         bigint      PRIMARY KEY,
    author_id  int         NOT NULL,
    title      text        NOT NULL,
    created_at timestamptz NOT NULL
) WITH (autovacuum_enabled = off);
INSERT INTO posts
SELECT g,
       g % 1000,
       'post ' || g,
       timestamptz '2026-01-01 00:00:00+00' + (g / 2) * interval '1 minute'
FROM generate_series(1, 100000) AS g;

-- The index that serves "newest first": scanned backwards for ORDER BY created_at DESC, id DESC.
CREATE INDEX posts_created_at_id ON posts (created_at, id);
