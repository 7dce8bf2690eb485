-- Monitor history as uptime monitors really keep it (owned by connectors.heartbeat).
-- A monitor is identified by its source's own id (Uptime Kuma's monitor.id, a Prometheus
-- series' labels), not by its name: two monitors may share a name, and a name can be edited.
-- Loads before this migration are keyed by name, as they were computed.
ALTER TABLE heartbeat ADD COLUMN monitor_key VARCHAR;
ALTER TABLE heartbeat ADD COLUMN important BOOLEAN; -- Uptime Kuma's flag (a status change); NULL when the source has none
UPDATE heartbeat SET monitor_key = monitor;

-- Which stretches a monitor's source says it watched, when its raw checks are gone: Uptime Kuma
-- 2.x keeps stat_daily (one row per UTC day with beats) for keepDataPeriodDays and stat_hourly for
-- 30 days, while its non-important heartbeats last 24 hours.
CREATE TABLE heartbeat_bucket (
    city        VARCHAR NOT NULL,
    file_id     BIGINT NOT NULL,
    monitor_key VARCHAR NOT NULL,
    monitor     VARCHAR NOT NULL,
    starts_at   TIMESTAMP NOT NULL, -- UTC
    hours       INTEGER NOT NULL,   -- 24 (stat_daily) or 1 (stat_hourly)
    up          BIGINT NOT NULL,    -- Kuma's counts: up, down (pending counted as down, as Kuma does), maintenance
    down        BIGINT NOT NULL,
    maintenance BIGINT NOT NULL
);

-- What each loaded monitor source said about itself: its system and how long it keeps data.
CREATE TABLE heartbeat_source (
    city         VARCHAR NOT NULL,
    file_id      BIGINT NOT NULL,
    system       VARCHAR NOT NULL,  -- uptime-kuma-1, uptime-kuma-2, prometheus, table
    keep_days    INTEGER,           -- Kuma's keepDataPeriodDays (its default when unset); < 1: keeps all
    raw_hours    INTEGER,           -- Kuma 2.x: non-important heartbeats kept this many hours
    step_seconds INTEGER,           -- Prometheus: the largest spacing between samples of a series
    read_at      TIMESTAMP NOT NULL -- UTC: the moment its content stands for (its latest record); it had pruned as of then
);
