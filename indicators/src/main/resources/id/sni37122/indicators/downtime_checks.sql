-- A city's monitor checks reduced to what 10.4 needs, per monitor in time order: its first and
-- last check, each change of status, and each check that follows a silence (a data gap). A
-- status holds until the monitor's next check, so the checks between these add nothing.
-- A monitor is its monitor_key (its source's id); its name is the latest one it had;
-- typical_spacing: the median time between its checks.
-- spacing: the monitor's own time between checks around that check (the median of the five
-- nearest intervals, counting only those ending in a check that repeats a status, since Uptime
-- Kuma 2.x keeps the status changes long after the checks between them are gone); a check whose
-- silence before it is more than gap_intervals x that, or whose spacing is unknown, follows a
-- gap. Never today's configured interval: it may have been edited. One pass of lag/lead, not a
-- windowed median: over 6.8 million checks that took 20 s, this 8.
-- A check loaded from two files (overlapping exports, a database read twice) is harmless: its
-- twin is no change of status and no silence (zero-length intervals are left out of spacing).
-- Parameters: $1 city, $2 gap_intervals.
WITH checks AS (
    SELECT monitor_key, ts, status, important, monitor
    FROM heartbeat
    WHERE city = $1
),
around AS (
    SELECT monitor_key, monitor, ts, status, important,
           lag(status) OVER w AS previous_status,
           lag(ts, 3) OVER w AS t_3, lag(ts, 2) OVER w AS t_2, lag(ts) OVER w AS t_1,
           lead(ts) OVER w AS t1, lead(ts, 2) OVER w AS t2,
           lag(important, 2) OVER w AS i_2, lag(important) OVER w AS i_1,
           lead(important) OVER w AS i1, lead(important, 2) OVER w AS i2
    FROM checks
    WINDOW w AS (PARTITION BY monitor_key ORDER BY ts, status)
),
spaced AS (
    SELECT *,
           date_diff('millisecond', t_1, ts) / 1000.0 AS silence,
           t1 IS NULL AS last,
           list_median([
               CASE WHEN i_2 IS NOT TRUE THEN nullif(date_diff('millisecond', t_3, t_2), 0) END,
               CASE WHEN i_1 IS NOT TRUE THEN nullif(date_diff('millisecond', t_2, t_1), 0) END,
               CASE WHEN important IS NOT TRUE THEN nullif(date_diff('millisecond', t_1, ts), 0) END,
               CASE WHEN i1 IS NOT TRUE THEN nullif(date_diff('millisecond', ts, t1), 0) END,
               CASE WHEN i2 IS NOT TRUE THEN nullif(date_diff('millisecond', t1, t2), 0) END]) / 1000.0 AS spacing
    FROM around
),
names AS (
    SELECT monitor_key, arg_max(monitor, ts) AS name,
           median(CASE WHEN important IS NOT TRUE AND silence > 0 THEN silence END) AS typical_spacing
    FROM spaced
    GROUP BY monitor_key
),
labelled AS (
    SELECT monitor_key, typical_spacing,
           CASE WHEN count(*) OVER (PARTITION BY name) > 1 AND name <> monitor_key
                THEN name || ' [' || monitor_key || ']' ELSE name END AS name
    FROM names
),
final AS (
    SELECT p.monitor_key, n.name AS monitor, n.typical_spacing, p.ts, p.status, p.silence, p.spacing,
           p.silence IS NOT NULL AND (p.spacing IS NULL OR p.silence > $2 * p.spacing) AS after_gap,
           p.last
    FROM spaced p
    JOIN labelled n USING (monitor_key)
    WHERE p.silence IS NULL
       OR p.last
       OR p.status IS DISTINCT FROM p.previous_status
       OR p.spacing IS NULL
       OR p.silence > $2 * p.spacing
)
SELECT * FROM final
ORDER BY monitor_key, ts, status
