-- What the city's monitor sources said about themselves at their latest read: the system, how
-- many days it keeps heartbeats (Uptime Kuma's keepDataPeriodDays) and when it was read.
-- Parameter: city.
WITH latest AS (
    SELECT system, arg_max(keep_days, read_at) AS keep_days, arg_max(raw_hours, read_at) AS raw_hours,
           min(read_at) AS first_read, max(read_at) AS last_read
    FROM heartbeat_source
    WHERE city = ?
    GROUP BY system
),
final AS (
    SELECT * FROM latest
)
SELECT * FROM final
ORDER BY system
