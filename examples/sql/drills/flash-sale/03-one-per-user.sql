-- The same user buys in two tabs at once (two idempotency keys). The partial unique index makes B's insert
-- wait for A's transaction, then fail: the limit holds without any read-then-check in the application.
-- session A
BEGIN;
INSERT INTO orders (user_id, product_id, sale_id, quantity, idempotency_key)
VALUES (4242, 1, 1, 1, 'tab-1') RETURNING status;
-- session B
BEGIN;
INSERT INTO orders (user_id, product_id, sale_id, quantity, idempotency_key)
VALUES (4242, 1, 1, 1, 'tab-2') RETURNING status;
-- session A
COMMIT;
-- session B
ROLLBACK;
SELECT count(*) AS live_orders FROM orders WHERE sale_id = 1 AND user_id = 4242;
