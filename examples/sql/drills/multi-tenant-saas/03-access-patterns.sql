-- Every plan runs as saas_app in tenant 1's session (the big tenant), with the RLS policy applied.
SET max_parallel_workers_per_gather = 0;
SET ROLE saas_app;
SET app.tenant_id = '1';

-- A. Open tasks of a project, newest first (the board view). No tenant filter in the query: the policy adds it.
-- plan: tasks via tasks_project_open
EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF, SUMMARY OFF)
SELECT id, title, status FROM tasks
WHERE project_id = 41 AND status <> 'done'
ORDER BY created_at DESC LIMIT 20;

-- B. My open tasks ("assigned to me").
-- plan: tasks via tasks_assignee_open
EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF, SUMMARY OFF)
SELECT id, title, status FROM tasks
WHERE assignee_id = 1641 AND status <> 'done'
ORDER BY created_at DESC LIMIT 20;

-- C. Log in: find the user by email inside the tenant.
-- plan: users via users_tenant_id_email_key
EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF, SUMMARY OFF)
SELECT id FROM users WHERE email = 'user1641@example.com';
RESET app.tenant_id;
RESET ROLE;
