-- Case-insensitive login lookup. Without an index on lower(email), every row is lowered and compared.
EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF, SUMMARY OFF)
SELECT id FROM users WHERE lower(email) = 'user42@example.com';

-- Index the expression (unique: one account per address, whatever the case).
CREATE UNIQUE INDEX users_email_lower ON users (lower(email));

EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF, SUMMARY OFF)
SELECT id FROM users WHERE lower(email) = 'user42@example.com';

-- The query must use the same expression: a plain email comparison cannot use this index.
EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF, SUMMARY OFF)
SELECT id FROM users WHERE email = 'User42@Example.com';

-- And the unique expression index rejects the same address in another case.
INSERT INTO users VALUES (100001, 'USER42@EXAMPLE.COM', 'DE');

DROP INDEX users_email_lower;
