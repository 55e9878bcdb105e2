-- A unique index on a partitioned table must contain the partition key.
CREATE UNIQUE INDEX orders_order_id_key ON orders (order_id);

-- So the same order_id is accepted twice, once in each month.
INSERT INTO orders (order_id, buyer_id, seller_id, status, total_cents, created_at)
VALUES (42, 7, 9, 'paid', 1999, '2026-02-28 23:59:59+00');
INSERT INTO orders (order_id, buyer_id, seller_id, status, total_cents, created_at)
VALUES (42, 8, 9, 'paid', 500, '2026-03-01 00:00:01+00');

SELECT tableoid::regclass AS partition, order_id, buyer_id, created_at
  FROM orders WHERE order_id = 42 ORDER BY created_at;

-- The claim table rejects the second one; insert the claim and the order in one transaction.
INSERT INTO order_ids VALUES (43, '2026-02-28 23:59:59+00');
INSERT INTO order_ids VALUES (43, '2026-03-01 00:00:01+00');

DELETE FROM orders;
DELETE FROM order_ids;
