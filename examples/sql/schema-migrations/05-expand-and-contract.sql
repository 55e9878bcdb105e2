-- Renaming `name` to `full_name` without downtime. A plain RENAME breaks every running instance of the old
-- code at once; expand and contract keeps both versions working throughout.

-- 1. Expand: add the new column, nullable and without a default (catalog-only), and let the old one be
-- omitted by new code.
ALTER TABLE accounts ADD COLUMN full_name text;
ALTER TABLE accounts ALTER COLUMN name DROP NOT NULL;

-- 2. While old code (writes `name` only) and new code (writes both) run side by side, copy old code's
-- writes into the new column. (Each function body is one string, kept short.)
CREATE FUNCTION copy_name_on_insert() RETURNS trigger LANGUAGE plpgsql
AS 'BEGIN NEW.full_name := coalesce(NEW.full_name,
    NEW.name); RETURN NEW; END';
CREATE FUNCTION copy_name_on_update() RETURNS trigger LANGUAGE plpgsql
AS 'BEGIN IF NEW.full_name IS NOT DISTINCT FROM OLD.full_name THEN
    NEW.full_name := NEW.name; END IF; RETURN NEW; END';
CREATE TRIGGER copy_name_on_insert BEFORE INSERT ON accounts
FOR EACH ROW EXECUTE FUNCTION copy_name_on_insert();
CREATE TRIGGER copy_name_on_update BEFORE UPDATE ON accounts
FOR EACH ROW EXECUTE FUNCTION copy_name_on_update();

-- 3. Backfill in small batches, each a short transaction: here the first two of 40 batches of 5,000.
UPDATE accounts SET full_name = name WHERE id BETWEEN 1 AND 5000 AND full_name IS NULL;
UPDATE accounts SET full_name = name WHERE id BETWEEN 5001 AND 10000 AND full_name IS NULL;
UPDATE accounts SET full_name = name WHERE full_name IS NULL;  -- the other 38 batches, at once for brevity

-- Old code inserts and renames through `name` only; the triggers keep `full_name` in step.
INSERT INTO accounts (id, name, email) VALUES (200001, 'Old Code', 'old@example.com');
UPDATE accounts SET name = 'Renamed By Old Code' WHERE id = 5;
SELECT id, name, full_name FROM accounts WHERE id IN (5, 200001) ORDER BY id;

-- 4. NOT NULL without a long lock: a NOT VALID check, validated under a weak lock, lets SET NOT NULL skip its
-- own full-table scan (PostgreSQL 12+).
ALTER TABLE accounts ADD CONSTRAINT full_name_not_null CHECK (full_name IS NOT NULL) NOT VALID;
ALTER TABLE accounts VALIDATE CONSTRAINT full_name_not_null;
ALTER TABLE accounts ALTER COLUMN full_name SET NOT NULL;
ALTER TABLE accounts DROP CONSTRAINT full_name_not_null;

-- 5. Contract, once no running code reads or writes `name`: drop the triggers, then the old column.
DROP TRIGGER copy_name_on_insert ON accounts;
DROP TRIGGER copy_name_on_update ON accounts;
DROP FUNCTION copy_name_on_insert(), copy_name_on_update();
ALTER TABLE accounts DROP COLUMN name;
SELECT count(*) AS accounts, count(full_name) AS with_full_name FROM accounts;
