-- A dependency graph with no cycle: 11 layers of 2 nodes, every node linked to both nodes of the next layer.
CREATE TABLE deps (parent int NOT NULL, child int NOT NULL);
INSERT INTO deps
SELECT layer * 2 + a, (layer + 1) * 2 + b
FROM generate_series(0, 9) AS layer, generate_series(0, 1) AS a, generate_series(0, 1) AS b;

-- UNION ALL emits one row per path: 2^layer rows for each layer reached from node 0.
WITH RECURSIVE reachable(node) AS (
    SELECT 0
    UNION ALL
    SELECT d.child FROM reachable AS r JOIN deps AS d ON d.parent = r.node
)
SELECT count(*) AS result_rows, count(DISTINCT node) AS distinct_nodes FROM reachable;

-- UNION drops a row equal to any row already produced, so each node is expanded once.
WITH RECURSIVE reachable(node) AS (
    SELECT 0
    UNION
    SELECT d.child FROM reachable AS r JOIN deps AS d ON d.parent = r.node
)
SELECT count(*) AS result_rows, count(DISTINCT node) AS distinct_nodes FROM reachable;

-- Carry a path (as the cycle check does) and every row differs again, so UNION removes nothing.
WITH RECURSIVE reachable(node, path) AS (
    SELECT 0, ARRAY[0]
    UNION
    SELECT d.child, r.path || d.child FROM reachable AS r JOIN deps AS d ON d.parent = r.node
)
SELECT count(*) AS result_rows, count(DISTINCT node) AS distinct_nodes FROM reachable;

DROP TABLE deps;
