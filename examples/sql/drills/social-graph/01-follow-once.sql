-- Follow: insert the edge and bump both counters in one statement, only if the edge is new. Run twice, the
-- second call changes nothing: the retry of a timed-out request must not count a follower twice.
WITH edge AS (
    INSERT INTO follows (follower_id, followee_id, created_at) VALUES (500, 501, '2025-04-12 10:00+00')
    ON CONFLICT DO NOTHING
    RETURNING follower_id, followee_id
), bump AS (
    UPDATE users SET follower_count = follower_count + 1 WHERE id IN (SELECT followee_id FROM edge)
    RETURNING id
)
UPDATE users SET following_count = following_count + 1 WHERE id IN (SELECT follower_id FROM edge)
RETURNING id AS follower, following_count, (SELECT count(*) FROM bump) AS followee_bumped;

WITH edge AS (
    INSERT INTO follows (follower_id, followee_id, created_at) VALUES (500, 501, '2025-04-12 10:00+00')
    ON CONFLICT DO NOTHING
    RETURNING follower_id, followee_id
), bump AS (
    UPDATE users SET follower_count = follower_count + 1 WHERE id IN (SELECT followee_id FROM edge)
    RETURNING id
)
UPDATE users SET following_count = following_count + 1 WHERE id IN (SELECT follower_id FROM edge)
RETURNING id AS follower, following_count, (SELECT count(*) FROM bump) AS followee_bumped;

-- The counters still agree with the edges.
SELECT u.id, u.follower_count, (SELECT count(*) FROM follows WHERE followee_id = u.id) AS counted
FROM users u WHERE u.id IN (1, 501);

-- Following yourself is refused by the CHECK.
INSERT INTO follows VALUES (500, 500, now());
