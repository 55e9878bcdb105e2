-- Pool-model multi-tenancy: every row carries its tenant, and PostgreSQL row-level security enforces it.
CREATE TABLE orders (
    id          bigint PRIMARY KEY,
    tenant_id   int    NOT NULL,
    user_id     int    NOT NULL,
    total_cents int    NOT NULL
);
CREATE INDEX orders_tenant_user ON orders (tenant_id, user_id);  -- the tenant leads every index

INSERT INTO orders VALUES
    (1041, 7, 42, 1999),
    (1042, 7, 43, 4500),
    (1043, 9, 17, 12000),  -- tenant 9's order: tenant 7's users must never see it
    (1044, 9, 18, 800);

-- The application's role: not the table owner and not a superuser, both of which bypass policies by default.
DO $$
BEGIN
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'app_user') THEN
        CREATE ROLE app_user NOLOGIN;
    END IF;
END
$$;
GRANT SELECT, INSERT, UPDATE ON orders TO app_user;

ALTER TABLE orders ENABLE ROW LEVEL SECURITY;
ALTER TABLE orders FORCE ROW LEVEL SECURITY;  -- the owner is held to the policy too
-- The tenant comes from a per-transaction setting the application takes from the verified token.
-- NULLIF: once set in a session, an unset custom setting reads as '', which must match nothing.
CREATE POLICY tenant_isolation ON orders
    USING (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::int)
    WITH CHECK (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::int);
