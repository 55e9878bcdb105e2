-- last_value with the default frame returns the last row *so far* (the current row or its last peer),
-- not the last row of the partition. Widen the frame to the whole partition to get what people expect.
SELECT name, dept, salary,
       first_value(name) OVER w_default AS top_earner,
       last_value(name)  OVER w_default AS last_value_default,
       last_value(name)  OVER (PARTITION BY dept ORDER BY salary DESC, name
           ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING) AS lowest_earner
FROM employees
WINDOW w_default AS (PARTITION BY dept ORDER BY salary DESC, name)
ORDER BY dept, salary DESC, name;
