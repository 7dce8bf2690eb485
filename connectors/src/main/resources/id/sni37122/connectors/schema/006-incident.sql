-- incident tables: owned by the connectors.incident and connectors.heartbeat packages.
CREATE TABLE incident (
    city       VARCHAR NOT NULL,
    file_id    BIGINT NOT NULL,
    line       BIGINT NOT NULL,
    ticket     VARCHAR,
    asset      VARCHAR NOT NULL,
    started_at TIMESTAMP NOT NULL, -- UTC
    ended_at   TIMESTAMP,          -- UTC; NULL while still open
    cause      VARCHAR,
    planned    BOOLEAN NOT NULL
);

-- Monitor checks; outages are derived from them when 10.4 is computed.
CREATE TABLE heartbeat (
    city    VARCHAR NOT NULL,
    file_id BIGINT NOT NULL,
    line    BIGINT NOT NULL,
    monitor VARCHAR NOT NULL,
    ts      TIMESTAMP NOT NULL,    -- UTC
    status  VARCHAR NOT NULL       -- up, down, pending, maintenance
);
