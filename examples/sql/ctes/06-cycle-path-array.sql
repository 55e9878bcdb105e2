-- On data with a cycle, a naive recursive walk never ends. Stop it by carrying the visited ids
-- in an array and refusing to revisit one. Walk down from employee 11.
WITH RECURSIVE walk AS (
    SELECT employee_id, ARRAY[employee_id] AS path, false AS is_cycle
    FROM reports_to
    WHERE employee_id = 11
  UNION ALL
    SELECT r.employee_id, w.path || r.employee_id, r.employee_id = ANY (w.path)
    FROM reports_to r
    JOIN walk w ON r.manager_id = w.employee_id
    WHERE NOT w.is_cycle
)
SELECT employee_id, path, is_cycle FROM walk ORDER BY path;
