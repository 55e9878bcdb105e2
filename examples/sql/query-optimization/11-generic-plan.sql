-- A prepared statement (what most drivers and ORMs send) is planned for its parameter values for the
-- first five executions; after that PostgreSQL may switch to one generic plan that ignores the value.
CREATE INDEX orders_status ON orders (status);
PREPARE revenue_by_status(text) AS SELECT sum(total) FROM orders WHERE status = $1;

-- Custom plans: the planner sees the value, so the 1% status gets the index and the 90% status does not.
EXPLAIN (COSTS OFF) EXECUTE revenue_by_status('pending');
EXPLAIN (COSTS OFF) EXECUTE revenue_by_status('delivered');

-- The application runs the common value five times...
EXECUTE revenue_by_status('delivered');
EXECUTE revenue_by_status('delivered');
EXECUTE revenue_by_status('delivered');
EXECUTE revenue_by_status('delivered');
EXECUTE revenue_by_status('delivered');

-- ...and from then on every value gets the generic plan, made for an "average" status ($1): a bitmap
-- scan through the index, now also for the status that matches 90% of the table.
EXPLAIN (COSTS OFF) EXECUTE revenue_by_status('delivered');

-- Per session, role or database: always plan for the actual value.
SET plan_cache_mode = force_custom_plan;
EXPLAIN (COSTS OFF) EXECUTE revenue_by_status('delivered');

RESET plan_cache_mode;
DEALLOCATE revenue_by_status;
DROP INDEX orders_status;
