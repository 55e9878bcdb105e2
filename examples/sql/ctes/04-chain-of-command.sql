-- Walk up instead of down: Uma's chain of command to the CEO.
WITH RECURSIVE chain AS (
    SELECT id, name, title, manager_id, 0 AS level
    FROM employees
    WHERE name = 'Uma'
  UNION ALL
    SELECT m.id, m.name, m.title, m.manager_id, c.level + 1
    FROM employees m
    JOIN chain c ON m.id = c.manager_id
)
SELECT level, name, title FROM chain ORDER BY level;
