SET max_parallel_workers_per_gather = 0;

-- A. Reserve one unit (every buy click): the conditional decrement finds its row through the primary key.
-- plan: inventory via inventory_pkey
EXPLAIN (COSTS OFF)
UPDATE inventory SET on_hand = on_hand - 1 WHERE product_id = 1 AND on_hand >= 1 RETURNING on_hand;

-- B. A retried request: find the first attempt by its idempotency key.
-- plan: orders via orders_idempotency_key_key
EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF, SUMMARY OFF)
SELECT id, status FROM orders WHERE idempotency_key = 'k-54321';

-- C. "My orders", newest first.
-- plan: orders via orders_user_created
EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF, SUMMARY OFF)
SELECT id, product_id, status, created_at FROM orders
WHERE user_id = 4242 ORDER BY created_at DESC LIMIT 20;

-- D. The sweeper's next run, at 12:40: reservations past their expiry, oldest first.
-- plan: orders via orders_reserved_expiry
EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF, SUMMARY OFF)
SELECT id FROM orders
WHERE status = 'reserved' AND expires_at < '2025-06-01 12:40+00'
ORDER BY expires_at LIMIT 500;
