-- Day-over-day change: LAG looks one row back, LEAD one row forward, in the window's order.
SELECT day, revenue,
       lag(revenue) OVER w                          AS previous_day,
       revenue - lag(revenue) OVER w                AS change,
       round(100.0 * (revenue - lag(revenue) OVER w)
             / lag(revenue) OVER w, 1)              AS change_pct,
       lead(revenue) OVER w                         AS next_day
FROM daily_revenue
WINDOW w AS (ORDER BY day)
ORDER BY day;
