-- A CTE names an intermediate result so a query reads top to bottom:
-- each manager's direct-report count and average direct-report salary, for managers with 2+ reports.
WITH direct_reports AS (
    SELECT manager_id, count(*) AS reports, round(avg(salary)) AS avg_report_salary
    FROM employees
    WHERE manager_id IS NOT NULL
    GROUP BY manager_id
)
SELECT m.name, m.title, d.reports, d.avg_report_salary
FROM direct_reports d
JOIN employees m ON m.id = d.manager_id
WHERE d.reports >= 2
ORDER BY d.reports DESC, m.name;
