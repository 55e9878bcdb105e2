-- Running total and a 3-day moving average: same ORDER BY, different frames.
SELECT day, revenue,
       sum(revenue) OVER (ORDER BY day)                  AS running_total,
       round(avg(revenue) OVER (ORDER BY day
             ROWS BETWEEN 2 PRECEDING AND CURRENT ROW))  AS moving_avg_3d
FROM daily_revenue
ORDER BY day;
