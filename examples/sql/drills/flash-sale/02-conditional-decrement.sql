-- The decrement carries its own condition. B's UPDATE waits for A's row lock; when A commits, PostgreSQL
-- re-checks B's WHERE against the new row version (on_hand = 0), and B updates nothing: sold out.
-- session A
BEGIN;
UPDATE inventory SET on_hand = on_hand - 1 WHERE product_id = 3 AND on_hand >= 1 RETURNING on_hand;
-- session B
BEGIN;
UPDATE inventory SET on_hand = on_hand - 1 WHERE product_id = 3 AND on_hand >= 1 RETURNING on_hand;
-- session A
INSERT INTO orders (user_id, product_id, quantity, idempotency_key) VALUES (70003, 3, 1, 'decrement-a');
COMMIT;
-- session B
ROLLBACK;
SELECT on_hand FROM inventory WHERE product_id = 3;
