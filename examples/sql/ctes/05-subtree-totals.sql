-- Headcount and salary cost of each manager's whole subtree: pair every manager with every descendant.
WITH RECURSIVE subtree AS (
    SELECT id AS root_id, id AS member_id FROM employees
  UNION ALL
    SELECT s.root_id, e.id
    FROM subtree s
    JOIN employees e ON e.manager_id = s.member_id
)
SELECT r.name, count(*) - 1 AS people_below, sum(m.salary) AS total_salary_incl_self
FROM subtree s
JOIN employees r ON r.id = s.root_id
JOIN employees m ON m.id = s.member_id
GROUP BY r.name
HAVING count(*) > 1
ORDER BY people_below DESC, r.name;
