SET max_parallel_workers_per_gather = 0;

-- A. Does 500 follow 501? (every profile view: the follow button)
-- plan: follows via follows_pkey
EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF, SUMMARY OFF)
SELECT EXISTS (SELECT 1 FROM follows WHERE follower_id = 500 AND followee_id = 501);

-- B. Followers of a celebrity, newest first, next page after a keyset cursor.
-- plan: follows via follows_followee
EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF, SUMMARY OFF)
SELECT follower_id, created_at FROM follows
WHERE followee_id = 3 AND (created_at, follower_id) < ('2025-02-01 00:00+00', 5432)
ORDER BY created_at DESC, follower_id DESC LIMIT 50;

-- C. A profile: one author's latest posts.
-- plan: posts via posts_author_created
EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF, SUMMARY OFF)
SELECT id, created_at FROM posts WHERE author_id = 4242 ORDER BY created_at DESC LIMIT 20;

-- D. Home feed, push part: the user's precomputed entries, newest first.
-- plan: feed_items via feed_items_pkey
EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF, SUMMARY OFF)
SELECT post_id, author_id, created_at FROM feed_items
WHERE user_id = 4242 ORDER BY created_at DESC LIMIT 20;

-- E. Home feed, pull part: the latest posts of the celebrities the user follows, merged at read time.
-- plan: follows via follows_pkey
-- plan: posts via posts_author_created
EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF, SUMMARY OFF)
SELECT p.id, p.author_id, p.created_at
FROM follows f
JOIN users u ON u.id = f.followee_id AND u.is_celebrity
CROSS JOIN LATERAL (
    SELECT id, author_id, created_at FROM posts
    WHERE author_id = f.followee_id ORDER BY created_at DESC LIMIT 20) AS p
WHERE f.follower_id = 4242
ORDER BY p.created_at DESC LIMIT 20;
