-- Page 1 (page size 5), newest first.
SELECT id, created_at FROM posts ORDER BY created_at DESC, id DESC LIMIT 5;

-- Before the client asks for page 2, a new post is published.
INSERT INTO posts VALUES (100001, 7, 'breaking news', '2026-03-11 00:00:00+00');

-- Page 2 by OFFSET: every row moved down one place, so the last row of page 1 (id 99996) is shown again.
SELECT id, created_at FROM posts ORDER BY created_at DESC, id DESC LIMIT 5 OFFSET 5;

-- Page 2 by keyset, continuing after the last row of page 1 (id 99996): no duplicate.
SELECT id, created_at FROM posts
WHERE (created_at, id) < ('2026-02-04 17:18:00+00', 99996)
ORDER BY created_at DESC, id DESC
LIMIT 5;

DELETE FROM posts WHERE id = 100001;
