-- The sweeper at 12:30: expire unpaid reservations past their time and give their stock back, in one
-- transaction, a batch at a time. SKIP LOCKED lets two sweepers (or a payment in flight) not block each other.
WITH expired AS (
    UPDATE orders SET status = 'expired'
    WHERE id IN (SELECT id FROM orders
                 WHERE status = 'reserved' AND expires_at < '2025-06-01 12:30+00'
                 ORDER BY expires_at LIMIT 500
                 FOR UPDATE SKIP LOCKED)
    RETURNING product_id, quantity
), returned AS (
    UPDATE inventory AS i SET on_hand = i.on_hand + e.quantity
    FROM (SELECT product_id, sum(quantity)::int AS quantity FROM expired GROUP BY product_id) AS e
    WHERE i.product_id = e.product_id
    RETURNING i.product_id
)
SELECT (SELECT count(*) FROM expired) AS orders_expired, (SELECT count(*) FROM returned) AS products_restocked;
