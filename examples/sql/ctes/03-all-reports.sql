-- All direct and indirect reports of Noah (id 2), with depth and the path from Noah down.
WITH RECURSIVE reports AS (
    -- anchor: the manager we start from
    SELECT id, name, title, manager_id, 0 AS depth, ARRAY[name] AS path
    FROM employees
    WHERE id = 2
  UNION ALL
    -- recursive step: everyone whose manager is a row found in the previous step
    SELECT e.id, e.name, e.title, e.manager_id, r.depth + 1, r.path || e.name
    FROM employees e
    JOIN reports r ON e.manager_id = r.id
)
SELECT depth, name, title, array_to_string(path, ' > ') AS path
FROM reports
ORDER BY path;
