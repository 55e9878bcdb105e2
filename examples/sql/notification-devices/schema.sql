-- Device tokens of the notification pipeline case study: one row per (user, install), each token unique.
CREATE TABLE device_token (
  user_id        bigint      NOT NULL,
  device_id      text        NOT NULL,
  platform       text        NOT NULL CHECK (platform IN ('ios', 'android', 'web')),
  token          text        NOT NULL,
  app_version    text,
  last_seen_at   timestamptz NOT NULL,
  invalidated_at timestamptz,              -- set on APNs 410 / FCM UNREGISTERED
  PRIMARY KEY (user_id, device_id)
);
CREATE UNIQUE INDEX device_token_token_key ON device_token (token);  -- one token belongs to one install
