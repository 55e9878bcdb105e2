-- Login streaks: runs of consecutive days per user (one row per user and day).
CREATE TABLE logins (
    user_id int  NOT NULL,
    day     date NOT NULL,
    PRIMARY KEY (user_id, day)
);
INSERT INTO logins VALUES
    (1, '2025-03-01'), (1, '2025-03-02'), (1, '2025-03-03'), (1, '2025-03-05'), (1, '2025-03-06'),
    (1, '2025-03-09'), (2, '2025-03-02'), (2, '2025-03-03'), (2, '2025-03-04'), (2, '2025-03-05');

-- Within a run of consecutive days, day minus its row number is the same date: that is the island's key.
WITH numbered AS (
    SELECT user_id, day,
           day - (row_number() OVER (PARTITION BY user_id ORDER BY day))::int AS island
    FROM logins
)
SELECT user_id, min(day) AS first_day, max(day) AS last_day, count(*) AS days
FROM numbered
GROUP BY user_id, island
ORDER BY user_id, first_day;

DROP TABLE logins;
