-- On 1 July the policy keeps April, May and June. January and March go whole; February keeps tenant 7's
-- held events and loses the rest.
SELECT * FROM apply_audit_retention('2025-04-01 00:00+00');

SELECT tableoid::regclass AS partition, count(*) AS events, count(DISTINCT tenant_id) AS tenants
FROM audit_events WHERE occurred_at < '2025-04-01' GROUP BY 1;

-- The hold is released; the next run drops February too.
UPDATE legal_holds SET released_at = '2025-07-02 10:00+00' WHERE tenant_id = 7;
SELECT * FROM apply_audit_retention('2025-04-01 00:00+00');
SELECT name FROM audit_partitions ORDER BY name;
