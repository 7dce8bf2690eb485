-- Staged Uptime Kuma heartbeats into the heartbeat table, with their monitor's key, name and
-- interval and their status as a word (Kuma's codes: 0 down, 1 up, 2 pending, 3 maintenance).
-- Parameters: city, file id.
INSERT INTO heartbeat (city, file_id, line, monitor, ts, status, interval_s, monitor_key, important)
WITH final AS (
    SELECT ?::VARCHAR AS city, ?::BIGINT AS file_id, s.line, m.name, epoch_ms(s.ms) AS ts,
           ['down', 'up', 'pending', 'maintenance'][s.status + 1] AS status, m.interval_s, m.monitor_key, s.important
    FROM heartbeat_stage s
    JOIN heartbeat_stage_monitor m ON m.id = s.monitor
)
SELECT * FROM final
