SELECT tableoid::regclass AS partition, count(*) AS events, min(occurred_at)::date AS first_day
FROM audit_events GROUP BY 1 ORDER BY 1;
