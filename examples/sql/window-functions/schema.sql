-- Ten engineers in three departments, with deliberate salary ties.
CREATE TABLE employees (
    id     int PRIMARY KEY,
    name   text NOT NULL,
    dept   text NOT NULL,
    salary int  NOT NULL
);
INSERT INTO employees VALUES
    (1, 'Ada',    'platform', 190000),
    (2, 'Brian',  'platform', 170000),
    (3, 'Chen',   'platform', 170000),
    (4, 'Dana',   'platform', 150000),
    (5, 'Eve',    'payments', 180000),
    (6, 'Farid',  'payments', 160000),
    (7, 'Grace',  'payments', 160000),
    (8, 'Hiro',   'search',   170000),
    (9, 'Ines',   'search',   140000),
    (10, 'Jonas', 'search',   130000);

-- Revenue per day for one week.
CREATE TABLE daily_revenue (
    day     date PRIMARY KEY,
    revenue int  NOT NULL
);
INSERT INTO daily_revenue VALUES
    ('2025-03-01', 1200), ('2025-03-02', 1500), ('2025-03-03', 900),
    ('2025-03-04', 900),  ('2025-03-05', 2100), ('2025-03-06', 1800),
    ('2025-03-07', 2400);

-- Payments, several on the same day: the order key has ties, which is where ROWS and RANGE differ.
CREATE TABLE payments (
    id     int  PRIMARY KEY,
    day    date NOT NULL,
    amount int  NOT NULL
);
INSERT INTO payments VALUES
    (1, '2025-03-01', 100), (2, '2025-03-01', 50),
    (3, '2025-03-02', 70),
    (4, '2025-03-03', 30),  (5, '2025-03-03', 20), (6, '2025-03-03', 10);
