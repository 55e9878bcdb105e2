-- Full-text search in plain PostgreSQL: a tsvector column kept up to date by the database, and a GIN index.
-- posts: 8 hand-written rows for the ranking example.
CREATE TABLE posts (
    id     int  PRIMARY KEY,
    title  text NOT NULL,
    body   text NOT NULL,
    search tsvector GENERATED ALWAYS AS (
        setweight(to_tsvector('english', title), 'A') || setweight(to_tsvector('english', body), 'B')
    ) STORED
);
INSERT INTO posts (id, title, body) VALUES
    (1, 'PostgreSQL replication explained', 'Streaming replication ships the WAL from the primary to each standby.'),
    (2, 'Redis replication', 'Redis replicates asynchronously, so a failover can lose acknowledged writes.'),
    (3, 'Tuning autovacuum', 'Autovacuum in PostgreSQL removes dead tuples; tune it for write-heavy tables.'),
    (4, 'Kafka consumer groups', 'Each partition is read by one consumer of the group.'),
    (5, 'Logical decoding', 'PostgreSQL logical replication and logical decoding feed CDC tools such as Debezium.'),
    (6, 'Choosing a shard key', 'Hash the key, avoid monotonically increasing keys, and plan for hot partitions.'),
    (7, 'Backups', 'Base backups plus archived WAL give point-in-time recovery for PostgreSQL.'),
    (8, 'Cassandra repair', 'Anti-entropy repair and read repair fix replicas that missed writes.');

-- articles: 200,000 generated rows (deterministic, no random()) for the index example.
CREATE TABLE articles (
    id     int  PRIMARY KEY,
    title  text NOT NULL,
    search tsvector GENERATED ALWAYS AS (to_tsvector('english', title)) STORED
);
INSERT INTO articles (id, title)
SELECT g,
       (ARRAY['PostgreSQL', 'Redis', 'Kafka', 'Cassandra', 'DynamoDB'])[g % 5 + 1] || ' ' ||
       (ARRAY['replication', 'sharding', 'indexes', 'caching', 'backups', 'vacuum', 'partitions'])[g % 7 + 1] || ' ' ||
       (ARRAY['guide', 'notes', 'tips', 'deep dive', 'checklist', 'postmortem', 'benchmark', 'FAQ', 'primer',
              'cheat sheet', 'case study'])[g % 11 + 1] || ' #' || g
FROM generate_series(1, 200000) AS g;
CREATE INDEX articles_search_gin ON articles USING gin (search);
