-- Act as the application: a real role without superuser or BYPASSRLS (superusers and table owners skip RLS).
SET ROLE saas_app;
SELECT current_user, rolsuper, rolbypassrls FROM pg_roles WHERE rolname = current_user;

-- No tenant set: the policy compares with NULL and every row is hidden.
SELECT count(*) AS visible_tasks FROM tasks;

-- Tenant 7's session sees tenant 7 only, even when the query asks for tenant 8 or forgets the filter.
SET app.tenant_id = '7';
SELECT count(*) AS visible_tasks, min(tenant_id) AS lowest, max(tenant_id) AS highest FROM tasks;
SELECT count(*) AS tenant_8_rows FROM tasks WHERE tenant_id = 8;

-- Writing into another tenant fails the WITH CHECK clause.
INSERT INTO tasks (tenant_id, id, project_id, status, title, created_at)
VALUES (8, 900001, 8, 'open', 'Planted by tenant 7', now());

-- An UPDATE cannot reach tenant 8's rows: it finds none.
WITH changed AS (UPDATE tasks SET title = 'Renamed' WHERE tenant_id = 8 RETURNING id)
SELECT count(*) AS updated_rows FROM changed;
RESET app.tenant_id;
RESET ROLE;
