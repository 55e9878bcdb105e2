-- SEARCH DEPTH FIRST BY adds an ordering column that lists each manager directly above their reports.
WITH RECURSIVE tree AS (
    SELECT id, name, 0 AS depth FROM employees WHERE manager_id IS NULL
  UNION ALL
    SELECT e.id, e.name, t.depth + 1
    FROM employees e
    JOIN tree t ON e.manager_id = t.id
) SEARCH DEPTH FIRST BY name SET ordercol
SELECT depth, repeat('· ', depth) || name AS org_chart FROM tree ORDER BY ordercol;
