SELECT (SELECT count(*) FROM users) AS users,
       (SELECT count(*) FROM follows) AS follows,
       (SELECT count(*) FROM posts) AS posts,
       (SELECT count(*) FROM feed_items) AS feed_items,
       (SELECT max(follower_count) FROM users) AS top_followers,
       (SELECT percentile_disc(0.5) WITHIN GROUP (ORDER BY follower_count) FROM users) AS median_followers;
