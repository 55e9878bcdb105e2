-- session reporting
BEGIN;
SELECT count(*) FROM riders;
-- session migration
ALTER TABLE riders ADD COLUMN nickname text;
-- session app
SELECT count(*) FROM riders WHERE rider_id = 1;
-- session reporting
COMMIT;
-- session migration
ALTER TABLE riders DROP COLUMN nickname;
-- session reporting
BEGIN;
SELECT count(*) FROM riders;
-- session migration
SET lock_timeout = '100ms';
ALTER TABLE riders ADD COLUMN nickname text;
-- session app
SELECT count(*) FROM riders WHERE rider_id = 1;
-- session reporting
COMMIT;
-- session migration
ALTER TABLE riders ADD COLUMN nickname text;
ALTER TABLE riders DROP COLUMN nickname;
