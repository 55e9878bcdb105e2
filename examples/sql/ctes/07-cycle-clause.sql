-- PostgreSQL 14+ does the same bookkeeping with the SQL-standard CYCLE clause:
-- it adds the is_cycle flag and the visited path (an array of row values) for you.
WITH RECURSIVE walk AS (
    SELECT employee_id, manager_id FROM reports_to WHERE employee_id = 11
  UNION ALL
    SELECT r.employee_id, r.manager_id
    FROM reports_to r
    JOIN walk w ON r.manager_id = w.employee_id
) CYCLE employee_id SET is_cycle USING visited
SELECT employee_id, is_cycle, visited::text AS visited FROM walk ORDER BY walk.visited;

-- Without protection the same walk would loop until it ran out of resources;
-- a statement_timeout (or a depth limit) is the safety net.
SET statement_timeout = '1s';
WITH RECURSIVE walk AS (
    SELECT employee_id FROM reports_to WHERE employee_id = 11
  UNION ALL
    SELECT r.employee_id
    FROM reports_to r
    JOIN walk w ON r.manager_id = w.employee_id
)
SELECT count(*) FROM walk;
RESET statement_timeout;
