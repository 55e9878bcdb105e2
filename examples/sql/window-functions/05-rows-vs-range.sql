-- The order key (day) has ties. The default frame is RANGE BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW,
-- which includes every peer of the current row; ROWS stops at the current row itself.
SELECT id, day, amount,
       sum(amount) OVER (ORDER BY day)                        AS default_frame,
       sum(amount) OVER (ORDER BY day
           ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW)  AS rows_frame,
       sum(amount) OVER (ORDER BY day, id)                    AS unique_order_key
FROM payments
ORDER BY day, id;
