-- A request from tenant 7: the application sets its role and tenant for this transaction only.
BEGIN;
SET LOCAL ROLE app_user;
SET LOCAL app.tenant_id = '7';

-- A query that forgot its tenant filter still returns only tenant 7's rows.
SELECT id, tenant_id, user_id FROM orders ORDER BY id;

-- Asking for tenant 9's order by its id finds nothing: the API answers 404.
SELECT id, total_cents FROM orders WHERE id = 1043;

-- An update aimed at it touches no row.
UPDATE orders SET total_cents = 0 WHERE id = 1043 RETURNING id;

-- Writing a row for another tenant is refused by the policy's WITH CHECK.
INSERT INTO orders VALUES (2000, 9, 42, 100);
ROLLBACK;

-- A transaction that never set a tenant sees no rows at all, rather than every tenant's.
BEGIN;
SET LOCAL ROLE app_user;
SELECT count(*) AS visible_rows FROM orders;
COMMIT;
