-- A social network's follow graph, posts and home feeds. Seed: 10,000 users, 100,000 follows (every user
-- follows 10 people, one of them among the 10 celebrities), 100,000 posts over 50 days and a fan-out feed
-- table for the push model, generated deterministically. Foreign keys are added after the seed: one
-- validating query instead of a trigger call per row.
CREATE TABLE users (
    id               bigint PRIMARY KEY,
    handle           text   NOT NULL UNIQUE,
    is_celebrity     boolean NOT NULL DEFAULT false,   -- pulled at read time instead of pushed (see the page)
    follower_count   int    NOT NULL DEFAULT 0,         -- denormalized: kept in the follow's transaction
    following_count  int    NOT NULL DEFAULT 0
);

-- One row per edge. The primary key serves "whom do I follow" and makes a repeated follow a no-op;
-- the reverse index serves "who follows X", newest first, for keyset pagination.
CREATE TABLE follows (
    follower_id  bigint      NOT NULL,
    followee_id  bigint      NOT NULL,
    created_at   timestamptz NOT NULL,
    PRIMARY KEY (follower_id, followee_id),
    CHECK (follower_id <> followee_id)
);
CREATE INDEX follows_followee ON follows (followee_id, created_at DESC, follower_id DESC);

CREATE TABLE posts (
    id          bigint      PRIMARY KEY,
    author_id   bigint      NOT NULL,
    created_at  timestamptz NOT NULL,
    body        text        NOT NULL
);
CREATE INDEX posts_author_created ON posts (author_id, created_at DESC, id);

-- Push model: a post is copied (as an id) into each follower's feed when it is written. Only the newest
-- few hundred entries per user are kept, so this table is a bounded cache that can be rebuilt from follows
-- and posts; no foreign keys, so fan-out and trimming do not pay for checks.
CREATE TABLE feed_items (
    user_id     bigint      NOT NULL,
    created_at  timestamptz NOT NULL,
    post_id     bigint      NOT NULL,
    author_id   bigint      NOT NULL,
    PRIMARY KEY (user_id, created_at, post_id)
);

INSERT INTO users (id, handle, is_celebrity)
SELECT u, 'user' || u, u <= 10 FROM generate_series(1, 10000) AS u;

-- Each user follows one celebrity and 9 ordinary users spread around the id space (no duplicates).
INSERT INTO follows
SELECT f, followee, timestamptz '2025-01-01 00:00+00' + ((f * 20 + k) % 86400) * interval '1 minute'
FROM generate_series(1, 10000) AS f, generate_series(0, 9) AS k,
     LATERAL (SELECT CASE WHEN k = 0 THEN f % 10 + 1 ELSE 11 + (f * 7 + k * 997) % 9990 END AS followee) AS e
WHERE followee <> f;

-- 100,000 posts: 10 per user over 50 days, and celebrities post like everyone else.
INSERT INTO posts
SELECT p, (p - 1) % 10000 + 1, timestamptz '2025-01-01 00:00+00' + p * interval '43 seconds', 'Post ' || p
FROM generate_series(1, 100000) AS p;

ALTER TABLE follows ADD FOREIGN KEY (follower_id) REFERENCES users, ADD FOREIGN KEY (followee_id) REFERENCES users;
ALTER TABLE posts ADD FOREIGN KEY (author_id) REFERENCES users;

UPDATE users u SET follower_count = c.n FROM (SELECT followee_id, count(*) AS n FROM follows GROUP BY 1) c
WHERE u.id = c.followee_id;
UPDATE users u SET following_count = c.n FROM (SELECT follower_id, count(*) AS n FROM follows GROUP BY 1) c
WHERE u.id = c.follower_id;

-- Fan-out on write for the last 3 days of posts by non-celebrities (the window the feed keeps).
INSERT INTO feed_items
SELECT f.follower_id, p.created_at, p.id, p.author_id
FROM posts p JOIN follows f ON f.followee_id = p.author_id
JOIN users a ON a.id = p.author_id AND NOT a.is_celebrity
WHERE p.created_at >= timestamptz '2025-01-01 00:00+00' + 100000 * interval '43 seconds' - interval '3 days';
