-- One row per seat of an event. Its state is the whole truth about who may buy it.
CREATE TABLE seats (
    event_id   bigint      NOT NULL,
    seat_id    text        NOT NULL,  -- 'A-12': row and number
    state      text        NOT NULL DEFAULT 'available'
                           CHECK (state IN ('available', 'held', 'sold')),
    hold_id    uuid,                  -- set while held
    held_until timestamptz,           -- the hold's expiry; an expired hold counts as available
    order_id   bigint,                -- set once sold
    PRIMARY KEY (event_id, seat_id)
);

-- The last line of defence: a seat appears on at most one ticket, whatever the application does.
CREATE TABLE tickets (
    id       bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    event_id bigint NOT NULL,
    seat_id  text   NOT NULL,
    order_id bigint NOT NULL,
    UNIQUE (event_id, seat_id)
);

INSERT INTO seats (event_id, seat_id)
SELECT 7, 'A-' || n FROM generate_series(1, 4) AS n;
