-- Two accounts for the read, update and deadlock examples. Balances may not go negative.
CREATE TABLE accounts (
    id      int PRIMARY KEY,
    balance numeric(12, 2) NOT NULL CHECK (balance >= 0)
);
INSERT INTO accounts VALUES (1, 100.00), (2, 100.00);

-- Transfers reference accounts: the foreign-key check takes a KEY SHARE lock on the account row.
CREATE TABLE transfers (
    id         int GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    account_id int NOT NULL REFERENCES accounts,
    amount     numeric(12, 2) NOT NULL
);

-- Doctors on call: the classic write-skew example. At least one doctor must stay on call per shift.
CREATE TABLE doctors (
    name    text PRIMARY KEY,
    shift   int  NOT NULL,
    on_call boolean NOT NULL
);
INSERT INTO doctors VALUES ('alice', 1, true), ('bob', 1, true);

-- A job queue in PostgreSQL: workers claim queued jobs with FOR UPDATE SKIP LOCKED.
CREATE TABLE jobs (
    id     int PRIMARY KEY,
    status text NOT NULL DEFAULT 'queued' CHECK (status IN ('queued', 'running', 'done')),
    worker text
);
INSERT INTO jobs (id) SELECT g FROM generate_series(1, 5) AS g;

-- Room bookings: "check that the slot is free, then insert" is write skew through a phantom row.
CREATE TABLE bookings (
    room   int  NOT NULL,
    slot   int  NOT NULL,
    booker text NOT NULL
);

-- Sign-ups: a unique name, for the check-then-insert race under SERIALIZABLE.
CREATE TABLE usernames (
    name text PRIMARY KEY
);
