-- session A
BEGIN ISOLATION LEVEL SERIALIZABLE;
SELECT count(*) FROM usernames WHERE name = 'ada';
-- session B
BEGIN ISOLATION LEVEL SERIALIZABLE;
SELECT count(*) FROM usernames WHERE name = 'ada';
INSERT INTO usernames VALUES ('ada');
COMMIT;
-- session A
INSERT INTO usernames VALUES ('ada');
ROLLBACK;
-- session B
DELETE FROM usernames;
