-- A project tracker sold to companies (tenants). Seed: 40 tenants, 4,000 users, 800 projects, 200,000 tasks,
-- generated deterministically (no random()). Tenant 1 is the big customer: a quarter of all tasks, the skew
-- every multi-tenant system meets.
-- The application connects as saas_app: a LOGIN role that is not a superuser, does not own the tables and has
-- no BYPASSRLS, so the policies below apply to it. Roles belong to the whole server, hence the guard.
DO $$
BEGIN
    CREATE ROLE saas_app LOGIN NOSUPERUSER NOBYPASSRLS;
EXCEPTION WHEN duplicate_object THEN NULL;
END $$;

CREATE TABLE tenants (
    id    bigint PRIMARY KEY,
    name  text   NOT NULL,
    plan  text   NOT NULL CHECK (plan IN ('free', 'team', 'enterprise'))
);

-- Every tenant-owned table carries tenant_id, and its keys start with it: the primary key (tenant_id, id)
-- lets composite foreign keys pin a reference inside one tenant, and it is the shard key later.
CREATE TABLE users (
    tenant_id  bigint NOT NULL REFERENCES tenants,
    id         bigint NOT NULL,
    email      text   NOT NULL CHECK (email = lower(email)),
    PRIMARY KEY (tenant_id, id),
    UNIQUE (tenant_id, email)           -- the same person may be a user of two tenants
);

CREATE TABLE projects (
    tenant_id  bigint NOT NULL REFERENCES tenants,
    id         bigint NOT NULL,
    name       text   NOT NULL,
    PRIMARY KEY (tenant_id, id)
);

CREATE TABLE tasks (
    tenant_id    bigint      NOT NULL,
    id           bigint      NOT NULL,
    project_id   bigint      NOT NULL,
    assignee_id  bigint,
    status       text        NOT NULL CHECK (status IN ('open', 'in_progress', 'done')),
    title        text        NOT NULL,
    created_at   timestamptz NOT NULL,
    PRIMARY KEY (tenant_id, id)
);

INSERT INTO tenants
SELECT t, 'Tenant ' || t, (ARRAY['free', 'team', 'enterprise'])[t % 3 + 1]
FROM generate_series(1, 40) AS t;

INSERT INTO users
SELECT (u - 1) % 40 + 1, u, 'user' || u || '@example.com'
FROM generate_series(1, 4000) AS u;

INSERT INTO projects
SELECT (p - 1) % 40 + 1, p, 'Project ' || p
FROM generate_series(1, 800) AS p;

-- Tasks 1..50,000 belong to tenant 1; the rest are spread over the 40 tenants.
INSERT INTO tasks
SELECT tenant_id,
       g,
       (g % 20) * 40 + tenant_id,                     -- one of the tenant's 20 projects
       CASE WHEN g % 7 = 0 THEN NULL ELSE (g % 100) * 40 + tenant_id END,  -- one of its 100 users, or nobody
       CASE WHEN g % 10 < 2 THEN 'open' WHEN g % 10 < 3 THEN 'in_progress' ELSE 'done' END,
       'Task ' || g,
       timestamptz '2025-01-01 00:00+00' + g * interval '2 minutes'
FROM generate_series(1, 200000) AS g,
     LATERAL (SELECT CASE WHEN g <= 50000 THEN 1 ELSE g % 40 + 1 END AS tenant_id) AS t;

-- Composite foreign keys: a task can only point at a project and a user of its own tenant. Added after the
-- seed, so they are validated by one query instead of a check per inserted row.
ALTER TABLE tasks
    ADD FOREIGN KEY (tenant_id, project_id) REFERENCES projects (tenant_id, id),
    ADD FOREIGN KEY (tenant_id, assignee_id) REFERENCES users (tenant_id, id);

-- One index per access pattern, each led by tenant_id (see the page's table).
CREATE INDEX tasks_project_open ON tasks (tenant_id, project_id, created_at DESC) WHERE status <> 'done';
CREATE INDEX tasks_assignee_open ON tasks (tenant_id, assignee_id, created_at DESC) WHERE status <> 'done';

-- Row-level security: the policy adds `tenant_id = <the session's tenant>` to every query of saas_app.
-- current_setting(..., true) returns NULL when the setting is missing, so a session that forgot to set its
-- tenant sees no rows (fail closed) instead of an error or every tenant.
ALTER TABLE users    ENABLE ROW LEVEL SECURITY;
ALTER TABLE projects ENABLE ROW LEVEL SECURITY;
ALTER TABLE tasks    ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON users
    USING (tenant_id = current_setting('app.tenant_id', true)::bigint);
CREATE POLICY tenant_isolation ON projects
    USING (tenant_id = current_setting('app.tenant_id', true)::bigint);
CREATE POLICY tenant_isolation ON tasks
    USING (tenant_id = current_setting('app.tenant_id', true)::bigint)
    WITH CHECK (tenant_id = current_setting('app.tenant_id', true)::bigint);

GRANT SELECT ON tenants TO saas_app;
GRANT SELECT, INSERT, UPDATE, DELETE ON users, projects, tasks TO saas_app;
