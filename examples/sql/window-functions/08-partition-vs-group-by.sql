-- GROUP BY collapses each department to one row.
SELECT dept, count(*) AS headcount, round(avg(salary)) AS avg_salary
FROM employees
GROUP BY dept
ORDER BY dept;

-- PARTITION BY keeps every row and puts the group's aggregate beside it.
SELECT name, dept, salary,
       round(avg(salary) OVER (PARTITION BY dept))          AS dept_avg,
       salary - round(avg(salary) OVER (PARTITION BY dept)) AS vs_avg,
       round(100.0 * salary / sum(salary) OVER (PARTITION BY dept), 1) AS pct_of_dept
FROM employees
ORDER BY dept, salary DESC, name;
