-- session A
BEGIN;
INSERT INTO idempotency_keys (client_id, key, request_hash)
VALUES (42, 'f00d-retry-race', 'sha256:body-C')
ON CONFLICT (client_id, key) DO NOTHING
RETURNING key, status;
-- session B
INSERT INTO idempotency_keys (client_id, key, request_hash)
VALUES (42, 'f00d-retry-race', 'sha256:body-C')
ON CONFLICT (client_id, key) DO NOTHING
RETURNING key, status;
-- session A
COMMIT;
-- session B
SELECT status, response_code FROM idempotency_keys
WHERE client_id = 42 AND key = 'f00d-retry-race';
