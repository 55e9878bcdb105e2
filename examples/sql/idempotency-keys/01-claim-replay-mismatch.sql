-- First request: claim the key. A row back means this request owns it and may do the work.
INSERT INTO idempotency_keys (client_id, key, request_hash)
VALUES (42, '7c1e9a52-pay-order-7781', 'sha256:body-A')
ON CONFLICT (client_id, key) DO NOTHING
RETURNING key, status;

-- Do the work and record its response in one transaction.
BEGIN;
INSERT INTO payments (client_id, amount_cents, idempotency_key)
VALUES (42, 4999, '7c1e9a52-pay-order-7781')
RETURNING id;
UPDATE idempotency_keys
   SET status = 'completed', response_code = 201,
       response_body = '{"payment_id": 1, "status": "succeeded"}'
 WHERE client_id = 42 AND key = '7c1e9a52-pay-order-7781';
COMMIT;

-- The client timed out and retries with the same key and body: the claim returns no row...
INSERT INTO idempotency_keys (client_id, key, request_hash)
VALUES (42, '7c1e9a52-pay-order-7781', 'sha256:body-A')
ON CONFLICT (client_id, key) DO NOTHING
RETURNING key, status;

-- ...so the server reads the stored result: same fingerprint and completed, so it replays 201.
SELECT status, request_hash = 'sha256:body-A' AS same_request, response_code, response_body::text AS response_body
FROM idempotency_keys
WHERE client_id = 42 AND key = '7c1e9a52-pay-order-7781';

-- A buggy client reuses the key for a different body: the fingerprint differs, so the answer is 422.
SELECT status, request_hash = 'sha256:body-B' AS same_request
FROM idempotency_keys
WHERE client_id = 42 AND key = '7c1e9a52-pay-order-7781';

-- One charge, however many retries.
SELECT count(*) AS payments FROM payments WHERE client_id = 42;
