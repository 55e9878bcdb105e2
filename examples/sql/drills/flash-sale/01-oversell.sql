-- Read the stock, decide in the application, write the new number: the last unit of product 2 sold twice.
-- session A
BEGIN;
SELECT on_hand FROM inventory WHERE product_id = 2;
-- session B
BEGIN;
SELECT on_hand FROM inventory WHERE product_id = 2;
-- session A
UPDATE inventory SET on_hand = 0 WHERE product_id = 2;
INSERT INTO orders (user_id, product_id, quantity, idempotency_key) VALUES (70001, 2, 1, 'oversell-a');
COMMIT;
-- session B
UPDATE inventory SET on_hand = 0 WHERE product_id = 2;
INSERT INTO orders (user_id, product_id, quantity, idempotency_key) VALUES (70002, 2, 1, 'oversell-b');
COMMIT;
SELECT count(*) AS orders_for_one_unit FROM orders WHERE product_id = 2 AND idempotency_key LIKE 'oversell-%';
