-- The seeded data the plans on this page come from.
SELECT (SELECT count(*) FROM tenants) AS tenants,
       (SELECT count(*) FROM users) AS users,
       (SELECT count(*) FROM projects) AS projects,
       (SELECT count(*) FROM tasks) AS tasks,
       (SELECT count(*) FROM tasks WHERE tenant_id = 1) AS tenant_1_tasks;
