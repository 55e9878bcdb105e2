-- The three ranking functions over the same ordering. Brian, Chen and Hiro tie at 170000.
-- ROW_NUMBER gets a tiebreaker (name), otherwise the order among tied rows is not guaranteed.
SELECT name, salary,
       row_number() OVER (ORDER BY salary DESC, name) AS row_number,
       rank()       OVER w                            AS rank,
       dense_rank() OVER w                            AS dense_rank
FROM employees
WINDOW w AS (ORDER BY salary DESC)
ORDER BY salary DESC, name;
