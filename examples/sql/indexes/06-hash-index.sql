-- A hash index stores a 32-bit hash of the key: it answers = and nothing else.
CREATE INDEX users_email_hash ON users USING hash (email);

EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF, SUMMARY OFF)
SELECT id FROM users WHERE email = 'User42@Example.com';

-- No ranges, no prefixes, no ORDER BY: these fall back to a sequential scan.
EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF, SUMMARY OFF)
SELECT id FROM users WHERE email LIKE 'User4200%';

EXPLAIN (COSTS OFF)
SELECT id, email FROM users ORDER BY email LIMIT 3;

-- Size next to a B-tree on the same column.
CREATE INDEX users_email_btree ON users (email);
SELECT indexrelid::regclass AS index, pg_size_pretty(pg_relation_size(indexrelid)) AS size
FROM pg_index WHERE indexrelid::regclass::text IN ('users_email_hash', 'users_email_btree')
ORDER BY 1;

DROP INDEX users_email_hash;
DROP INDEX users_email_btree;
