-- The stretches a monitor's source says it watched, from aggregates that outlive the raw checks
-- (Uptime Kuma 2.x: stat_daily, stat_hourly): every bucket with at least one beat. A bucket read
-- again by a later load is one. Where a day has hourly buckets (Kuma keeps them 30 days), they
-- stand for it (but the first such day, which retention cut into): a day bucket would hide that
-- Kuma stopped for some hours. Parameter: city.
WITH buckets AS (
    SELECT monitor_key, starts_at, hours, max(up + down + maintenance) AS beats
    FROM heartbeat_bucket
    WHERE city = ?
    GROUP BY monitor_key, starts_at, hours
),
hourly_days AS (
    -- not the first: Kuma's 30 days cut into it, so its early hours are missing, not unwatched
    SELECT DISTINCT monitor_key, date_trunc('day', starts_at) AS day
    FROM buckets
    WHERE hours = 1
    QUALIFY day > min(day) OVER (PARTITION BY monitor_key)
),
final AS (
    SELECT b.monitor_key, b.starts_at, b.starts_at + to_hours(b.hours) AS ends_at
    FROM buckets b
    WHERE b.beats > 0
      AND NOT (b.hours = 24 AND EXISTS (SELECT 1 FROM hourly_days h WHERE h.monitor_key = b.monitor_key AND h.day = b.starts_at))
)
SELECT * FROM final
ORDER BY monitor_key, starts_at
