-- Ana (user 1) signs in on a phone; the app registers its push token.
INSERT INTO device_token (user_id, device_id, platform, token, last_seen_at)
VALUES (1, 'install-7f3a', 'ios', 'tok-A1', '2026-03-01 09:00+00');

-- Ana signs out without the app reaching the server; Ben (user 2) signs in on the same install.
-- A registration that ignores the conflict leaves the token with Ana:
INSERT INTO device_token (user_id, device_id, platform, token, last_seen_at)
VALUES (2, 'install-7f3a', 'ios', 'tok-A1', '2026-03-01 09:05+00')
ON CONFLICT DO NOTHING;

SELECT user_id, device_id, token FROM device_token;

-- Registration that moves the token to whoever registered it last, in one transaction.
BEGIN;
DELETE FROM device_token
 WHERE user_id = 2 AND device_id = 'install-7f3a' AND token <> 'tok-A1';
INSERT INTO device_token (user_id, device_id, platform, token, last_seen_at)
VALUES (2, 'install-7f3a', 'ios', 'tok-A1', '2026-03-01 09:05+00')
ON CONFLICT (token) DO UPDATE
   SET user_id = EXCLUDED.user_id, device_id = EXCLUDED.device_id,
       last_seen_at = EXCLUDED.last_seen_at, invalidated_at = NULL;
COMMIT;

SELECT user_id, device_id, token, last_seen_at FROM device_token;

DELETE FROM device_token;
