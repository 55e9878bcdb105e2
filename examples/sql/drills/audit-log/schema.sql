-- An audit log for a multi-tenant product: who did what to which record, kept 3 full months and then
-- deleted, except what a legal hold covers. Seed: 90,500 events (500 a day, 1 January to 30 June 2025)
-- from 50 tenants and 2,000 actors, in six monthly partitions, and one legal hold.

-- The primary key must contain the partition key, so it is (occurred_at, id), not id alone.
CREATE TABLE audit_events (
    id           bigint      GENERATED ALWAYS AS IDENTITY,
    tenant_id    bigint      NOT NULL,
    actor_id     bigint      NOT NULL,
    action       text        NOT NULL,
    entity_type  text        NOT NULL,
    entity_id    bigint      NOT NULL,
    occurred_at  timestamptz NOT NULL,
    details      jsonb       NOT NULL DEFAULT '{}',
    PRIMARY KEY (occurred_at, id)
) PARTITION BY RANGE (occurred_at);

-- Indexes declared on the parent are created on every partition (each partition gets its own, named after it).
CREATE INDEX audit_entity ON audit_events (entity_type, entity_id, occurred_at DESC);
CREATE INDEX audit_tenant_time ON audit_events (tenant_id, occurred_at);
CREATE INDEX audit_actor_time ON audit_events (actor_id, occurred_at);

-- A hold names a tenant and the span of events it freezes; releasing it sets released_at (never a DELETE).
CREATE TABLE legal_holds (
    id           bigint    GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    tenant_id    bigint    NOT NULL,
    covers       tstzrange NOT NULL,
    reason       text      NOT NULL,
    placed_at    timestamptz NOT NULL,
    released_at  timestamptz
);

-- The partitions and the time each one covers, so that a guard can check a partition against the holds.
CREATE TABLE audit_partitions (
    name    text      PRIMARY KEY,
    covers  tstzrange NOT NULL
);

CREATE FUNCTION create_audit_partition(month date) RETURNS text LANGUAGE plpgsql AS $$
DECLARE
    name text := format('audit_events_%s', to_char(month, 'YYYY_MM'));
    low timestamptz := month::timestamp AT TIME ZONE 'UTC';
    high timestamptz := (month + interval '1 month')::timestamp AT TIME ZONE 'UTC';
BEGIN
    EXECUTE format('CREATE TABLE %I PARTITION OF audit_events FOR VALUES FROM (%L) TO (%L)', name, low, high);
    INSERT INTO audit_partitions VALUES (name, tstzrange(low, high));
    RETURN name;
END $$;

SELECT create_audit_partition(m::date)
FROM generate_series(date '2025-01-01', date '2025-06-01', interval '1 month') AS m;

-- Guard 1: events are append-only, and a row under an active hold cannot be deleted, by anyone (a trigger also
-- binds the table owner; privileges alone would not). Cloned onto every partition.
CREATE FUNCTION audit_guard_rows() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'UPDATE' THEN
        RAISE EXCEPTION 'audit events are append-only';
    END IF;
    IF EXISTS (SELECT 1 FROM legal_holds h
               WHERE h.released_at IS NULL AND h.tenant_id = OLD.tenant_id AND h.covers @> OLD.occurred_at) THEN
        RAISE EXCEPTION 'audit event % is under legal hold', OLD.id;
    END IF;
    RETURN OLD;
END $$;
CREATE TRIGGER audit_guard_rows BEFORE UPDATE OR DELETE ON audit_events
    FOR EACH ROW EXECUTE FUNCTION audit_guard_rows();

-- Guard 2: dropping a partition deletes its rows without firing row triggers, so an event trigger refuses a
-- DROP of any partition whose span overlaps an active hold (event triggers need a superuser to create).
CREATE FUNCTION audit_guard_drop() RETURNS event_trigger LANGUAGE plpgsql AS $$
DECLARE
    dropped record;
BEGIN
    FOR dropped IN SELECT object_name FROM pg_event_trigger_dropped_objects()
                   WHERE object_type = 'table' AND object_name IN (SELECT name FROM audit_partitions) LOOP
        IF EXISTS (SELECT 1 FROM audit_partitions p JOIN legal_holds h ON h.covers && p.covers
                   WHERE p.name = dropped.object_name AND h.released_at IS NULL) THEN
            RAISE EXCEPTION 'partition % holds events under legal hold', dropped.object_name;
        END IF;
        DELETE FROM audit_partitions WHERE name = dropped.object_name;
    END LOOP;
END $$;
CREATE EVENT TRIGGER audit_guard_drop ON sql_drop EXECUTE FUNCTION audit_guard_drop();

-- Retention: every partition that ended before the cutoff is dropped whole, unless a hold overlaps it; then only
-- the rows outside every hold are deleted, and the partition stays until the hold is released.
CREATE FUNCTION apply_audit_retention(cutoff timestamptz)
RETURNS TABLE (partition_name text, outcome text, rows_deleted bigint) LANGUAGE plpgsql AS $$
DECLARE
    p record;
    n bigint;
BEGIN
    FOR p IN SELECT name, covers FROM audit_partitions WHERE upper(covers) <= cutoff ORDER BY lower(covers) LOOP
        IF EXISTS (SELECT 1 FROM legal_holds h WHERE h.released_at IS NULL AND h.covers && p.covers) THEN
            EXECUTE format(
                'DELETE FROM %I e WHERE NOT EXISTS (SELECT 1 FROM legal_holds h WHERE h.released_at IS NULL
                   AND h.tenant_id = e.tenant_id AND h.covers @> e.occurred_at)', p.name);
            GET DIAGNOSTICS n = ROW_COUNT;
            RETURN QUERY SELECT p.name, 'kept: under legal hold', n;
        ELSE
            EXECUTE format('SELECT count(*) FROM %I', p.name) INTO n;
            EXECUTE format('DROP TABLE %I', p.name);
            RETURN QUERY SELECT p.name, 'dropped', n;
        END IF;
    END LOOP;
END $$;

INSERT INTO audit_events (tenant_id, actor_id, action, entity_type, entity_id, occurred_at, details)
SELECT e % 50 + 1,
       (e * 7) % 2000 + 1,
       (ARRAY['create', 'update', 'delete', 'export', 'login'])[e % 5 + 1],
       (ARRAY['invoice', 'customer', 'user', 'report'])[e % 4 + 1],
       (e * 13) % 10000 + 1,
       timestamptz '2025-01-01 00:00+00' + e * interval '172.8 seconds',
       jsonb_build_object('ip', '10.0.' || e % 256 || '.' || e % 200)
FROM generate_series(0, 90499) AS e;

INSERT INTO legal_holds (tenant_id, covers, reason, placed_at)
VALUES (7, tstzrange('2025-02-10', '2025-02-20'), 'Litigation 2025-118', '2025-06-15 09:00+00');
