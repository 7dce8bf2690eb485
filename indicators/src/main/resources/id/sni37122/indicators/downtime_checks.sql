-- A city's monitor checks reduced to what 10.4 needs, per monitor in time order: its first and
-- last check, each change of status, and each check that follows a silence (a data gap). A
-- status holds until the monitor's next check, so the checks between these add nothing.
-- A monitor is its monitor_key (its source's id); its name is the latest one it had;
-- typical_spacing: the median time between its checks.
-- spacing: the monitor's own time between checks around that check (the median of the five
-- nearest, counting only checks that repeat a status, since Uptime Kuma 2.x keeps the status
-- changes long after the checks between them are gone); a check whose silence before it is more
-- than gap_intervals x that, or whose spacing is unknown, follows a gap. Never today's
-- configured interval: it may have been edited.
-- A check loaded from two files (overlapping exports, a database read twice) is read once.
-- Parameters: $1 city, $2 gap_intervals.
WITH checks AS (
    SELECT monitor_key, ts, status, bool_or(important) AS important, arg_max(monitor, file_id) AS monitor
    FROM heartbeat
    WHERE city = $1
    GROUP BY monitor_key, ts, status
),
spaced AS (
    SELECT *,
           date_diff('millisecond', lag(ts) OVER w, ts) / 1000.0 AS silence,
           lag(status) OVER w AS previous_status,
           lead(ts) OVER w IS NULL AS last
    FROM checks
    WINDOW w AS (PARTITION BY monitor_key ORDER BY ts, status)
),
paced AS (
    SELECT *,
           median(CASE WHEN important IS NOT TRUE AND silence > 0 THEN silence END)
               OVER (PARTITION BY monitor_key ORDER BY ts, status ROWS BETWEEN 2 PRECEDING AND 2 FOLLOWING) AS spacing
    FROM spaced
),
names AS (
    SELECT monitor_key, arg_max(monitor, ts) AS name,
           median(CASE WHEN important IS NOT TRUE AND silence > 0 THEN silence END) AS typical_spacing
    FROM spaced
    GROUP BY monitor_key
),
labelled AS (
    -- two monitors of one name are told apart by their keys
    SELECT monitor_key, typical_spacing,
           CASE WHEN count(*) OVER (PARTITION BY name) > 1 AND name <> monitor_key
                THEN name || ' [' || monitor_key || ']' ELSE name END AS name
    FROM names
),
final AS (
    SELECT p.monitor_key, n.name AS monitor, n.typical_spacing, p.ts, p.status, p.silence, p.spacing,
           p.silence IS NOT NULL AND (p.spacing IS NULL OR p.silence > $2 * p.spacing) AS after_gap,
           p.last
    FROM paced p
    JOIN labelled n USING (monitor_key)
    WHERE p.silence IS NULL
       OR p.last
       OR p.status IS DISTINCT FROM p.previous_status
       OR p.spacing IS NULL
       OR p.silence > $2 * p.spacing
)
SELECT * FROM final
ORDER BY monitor_key, ts, status
