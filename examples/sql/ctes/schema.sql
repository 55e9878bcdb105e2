-- A small org chart: manager_id points at the employee's manager (NULL for the CEO).
CREATE TABLE employees (
    id         int PRIMARY KEY,
    name       text NOT NULL,
    title      text NOT NULL,
    salary     int  NOT NULL,
    manager_id int REFERENCES employees (id)
);
INSERT INTO employees VALUES
    (1,  'Maya',   'CEO',                 300000, NULL),
    (2,  'Noah',   'VP Engineering',      250000, 1),
    (3,  'Olivia', 'VP Sales',            220000, 1),
    (4,  'Pavel',  'Eng Manager, Core',   190000, 2),
    (5,  'Quinn',  'Eng Manager, Data',   185000, 2),
    (6,  'Rosa',   'Engineer',            160000, 4),
    (7,  'Sam',    'Engineer',            150000, 4),
    (8,  'Tara',   'Engineer',            155000, 5),
    (9,  'Uma',    'Intern',               60000, 6),
    (10, 'Victor', 'Account Executive',   140000, 3);
CREATE INDEX ON employees (manager_id);

-- A graph with bad data: a reporting cycle (11 -> 12 -> 13 -> 11). No foreign key, as in a careless import.
CREATE TABLE reports_to (
    employee_id int PRIMARY KEY,
    manager_id  int
);
INSERT INTO reports_to VALUES (11, 13), (12, 11), (13, 12), (14, 11);

-- 100,000 events for 1,000 users, to show CTE inlining with an index.
CREATE TABLE events (
    id      bigint PRIMARY KEY,
    user_id int    NOT NULL,
    kind    text   NOT NULL
);
INSERT INTO events
SELECT g, g % 1000, (ARRAY['view', 'click', 'purchase'])[g % 3 + 1]
FROM generate_series(1, 100000) AS g;
CREATE INDEX events_user_id ON events (user_id);
