-- Ranked search over the posts: a title match (weight A) outranks a body-only match (weight B).
SELECT id, title, round(ts_rank(search, query)::numeric, 4) AS rank
FROM posts, websearch_to_tsquery('english', 'postgresql replication') AS query
WHERE search @@ query
ORDER BY rank DESC, id;

-- A negation, in the syntax users type into a search box.
SELECT id, title
FROM posts
WHERE search @@ websearch_to_tsquery('english', 'replication -redis')
ORDER BY id;
