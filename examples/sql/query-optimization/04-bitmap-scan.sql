SET max_parallel_workers_per_gather = 0;
-- Customer 42's 20 orders sit on 20 different pages: collect their addresses in a bitmap first,
-- then read each page once, in physical order.
EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF, SUMMARY OFF)
SELECT * FROM orders WHERE customer_id = 42;

-- Bitmaps combine: OR of two index conditions.
EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF, SUMMARY OFF)
SELECT * FROM orders WHERE customer_id = 42 OR customer_id = 43;

-- Selectivity decides: 0.1% of rows goes through the index; 30% still does (the bitmap reads every page once,
-- in order); at 80% one plain sequential pass is cheaper.
EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF, SUMMARY OFF)
SELECT count(*) FROM orders WHERE customer_id <= 10;
EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF, SUMMARY OFF)
SELECT count(*) FROM orders WHERE customer_id <= 3000;
EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF, SUMMARY OFF)
SELECT count(*) FROM orders WHERE customer_id <= 8000;
