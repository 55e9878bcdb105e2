SET max_parallel_workers_per_gather = 0;
-- The same page by keyset: the cursor is the sort key of the last row the client saw.
PREPARE next_page(timestamptz, bigint) AS
SELECT id, created_at, title
FROM posts
WHERE (created_at, id) < ($1, $2)
ORDER BY created_at DESC, id DESC
LIMIT 20;

-- The last row of the previous page was id 10001 (created at 2026-01-04 11:20 UTC).
EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF, SUMMARY OFF)
EXECUTE next_page('2026-01-04 11:20:00+00', 10001);

-- Both queries return the same 20 rows: the first five of each.
SELECT id FROM posts ORDER BY created_at DESC, id DESC LIMIT 5 OFFSET 90000;
SELECT id FROM posts
WHERE (created_at, id) < ('2026-01-04 11:20:00+00', 10001)
ORDER BY created_at DESC, id DESC
LIMIT 5;
