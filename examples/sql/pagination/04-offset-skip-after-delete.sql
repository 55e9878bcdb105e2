-- Page 1 (page size 5), newest first.
SELECT id, created_at FROM posts ORDER BY created_at DESC, id DESC LIMIT 5;

-- Before the client asks for page 2, a post on page 1 is deleted.
DELETE FROM posts WHERE id = 99998;

-- Page 2 by OFFSET: every row moved up one place, so id 99995 slid onto page 1 and is never shown.
SELECT id, created_at FROM posts ORDER BY created_at DESC, id DESC LIMIT 5 OFFSET 5;

-- Page 2 by keyset, after the last row the client saw (id 99996): 99995 is not skipped.
SELECT id, created_at FROM posts
WHERE (created_at, id) < ('2026-02-04 17:18:00+00', 99996)
ORDER BY created_at DESC, id DESC
LIMIT 5;

INSERT INTO posts VALUES (99998, 998, 'post 99998', '2026-02-04 17:19:00+00');
