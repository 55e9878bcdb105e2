-- Top 2 earners per department. Window functions cannot appear in WHERE (they run after it),
-- so rank in a subquery and filter outside.
SELECT dept, name, salary, rn
FROM (
    SELECT dept, name, salary,
           row_number() OVER (PARTITION BY dept ORDER BY salary DESC, name) AS rn
    FROM employees
) ranked
WHERE rn <= 2
ORDER BY dept, rn;

-- The same with DENSE_RANK keeps everyone tied for 2nd place: payments and platform return three people each.
SELECT dept, name, salary, dr
FROM (
    SELECT dept, name, salary,
           dense_rank() OVER (PARTITION BY dept ORDER BY salary DESC) AS dr
    FROM employees
) ranked
WHERE dr <= 2
ORDER BY dept, dr, name;
