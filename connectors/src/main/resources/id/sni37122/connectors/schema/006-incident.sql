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

-- Monitor checks (native CSV, Uptime Kuma, Prometheus); outages and data gaps are derived from
-- them when 10.4 is computed, so its rules can change without reloading.
CREATE TABLE heartbeat (
    city       VARCHAR NOT NULL,
    file_id    BIGINT NOT NULL,
    line       BIGINT NOT NULL,    -- line in the file; for an Uptime Kuma database, the heartbeat's id
    monitor    VARCHAR NOT NULL,
    ts         TIMESTAMP NOT NULL, -- UTC
    status     VARCHAR NOT NULL,   -- up, down, pending (neither up nor down), maintenance (planned downtime)
    interval_s INTEGER             -- the monitor's configured seconds between checks; NULL when the source does not say
);
