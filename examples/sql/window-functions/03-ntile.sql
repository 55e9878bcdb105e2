-- NTILE(4) splits 10 rows into 4 buckets as evenly as it can: sizes 3, 3, 2, 2.
-- It splits by row count, not by value: Brian and Chen earn the same but land in different buckets.
SELECT name, salary,
       ntile(4) OVER (ORDER BY salary DESC, name) AS quartile
FROM employees
ORDER BY salary DESC, name;
