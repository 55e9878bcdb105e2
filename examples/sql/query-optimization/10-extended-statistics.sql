-- city determines country, but the planner assumes columns are independent:
-- 1% of customers are in DE-city-3, 10% are in DE, so it estimates 1% x 10% x 10,000 = 10 rows. There are 100.
-- (COSTS stays on here: the estimate, rows=..., is the point.)
EXPLAIN (ANALYZE, TIMING OFF, SUMMARY OFF)
SELECT * FROM customers WHERE city = 'DE-city-3' AND country = 'DE';

-- Extended statistics record the functional dependency; ANALYZE fills them in.
CREATE STATISTICS customers_city_country (dependencies) ON city, country FROM customers;
ANALYZE customers;

EXPLAIN (ANALYZE, TIMING OFF, SUMMARY OFF)
SELECT * FROM customers WHERE city = 'DE-city-3' AND country = 'DE';

-- The same underestimate hits GROUP BY: ndistinct statistics fix the group count.
EXPLAIN (ANALYZE, TIMING OFF, SUMMARY OFF)
SELECT city, country, count(*) FROM customers GROUP BY city, country;
CREATE STATISTICS customers_city_country_nd (ndistinct) ON city, country FROM customers;
ANALYZE customers;
EXPLAIN (ANALYZE, TIMING OFF, SUMMARY OFF)
SELECT city, country, count(*) FROM customers GROUP BY city, country;

-- What ANALYZE stored per column: the number of distinct values (n_distinct) and the physical-order correlation.
SELECT tablename, attname, n_distinct, round(correlation::numeric, 2) AS correlation
FROM pg_stats
WHERE tablename IN ('customers', 'orders') AND attname IN ('country', 'city', 'customer_id', 'created_at', 'status')
ORDER BY tablename, attname;

DROP STATISTICS customers_city_country;
DROP STATISTICS customers_city_country_nd;
ANALYZE customers;
