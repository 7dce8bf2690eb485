-- The stretches a monitor's source says it watched, from aggregates that outlive the raw checks
-- (Uptime Kuma 2.x: stat_daily, stat_hourly): every bucket with at least one beat. A bucket read
-- again by a later load is one. Parameter: city.
WITH buckets AS (
    SELECT monitor_key, starts_at, hours, max(up + down + maintenance) AS beats
    FROM heartbeat_bucket
    WHERE city = ?
    GROUP BY monitor_key, starts_at, hours
),
final AS (
    SELECT monitor_key, starts_at, starts_at + to_hours(hours) AS ends_at
    FROM buckets
    WHERE beats > 0
)
SELECT * FROM final
ORDER BY monitor_key, starts_at
