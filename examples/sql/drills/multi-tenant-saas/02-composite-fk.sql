-- Project 8 belongs to tenant 8. The composite foreign key (tenant_id, project_id) refuses a tenant 7 task
-- that points at it; a foreign key on project_id alone would have accepted the row.
INSERT INTO tasks (tenant_id, id, project_id, status, title, created_at)
VALUES (7, 900002, 8, 'open', 'Cross-tenant reference', now());
