-- What the 'english' configuration (PostgreSQL's analyzer) stores: stop words dropped, words stemmed,
-- positions kept. 'simple' only lowercases.
SELECT to_tsvector('english', 'The replicas were replicating; replication lag grew') AS english,
       to_tsvector('simple',  'The replicas were replicating; replication lag grew') AS simple;

-- The query goes through the same analyzer: 'replicated' matches 'replication' (same stem), but
-- 'postgres' does not match 'PostgreSQL' (different stems; that needs a synonym dictionary).
SELECT websearch_to_tsquery('english', 'replicated postgres') AS query,
       to_tsvector('english', 'PostgreSQL replication') @@ websearch_to_tsquery('english', 'replicated') AS replicated_matches,
       to_tsvector('english', 'PostgreSQL replication') @@ websearch_to_tsquery('english', 'postgres') AS postgres_matches;
