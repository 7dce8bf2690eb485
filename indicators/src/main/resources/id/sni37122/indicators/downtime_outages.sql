-- Every outage of one city, before grouping: the incident register's rows (a ticket listed in
-- several files is taken from the latest file), and the outages derived from monitor checks:
-- a run of DOWN checks on one monitor lasts from its first DOWN check to the first UP check after it
-- (NULL end: still down at the last check). Parameters: city, city.
WITH register AS (
    SELECT 'register' AS origin, asset, cause, planned, started_at, ended_at
    FROM incident
    WHERE city = ?
    QUALIFY row_number() OVER (PARTITION BY coalesce(ticket, file_id::VARCHAR || ':' || line::VARCHAR)
                               ORDER BY file_id DESC, line DESC) = 1
), checks AS (
    SELECT DISTINCT monitor, ts, status FROM heartbeat WHERE city = ?
), marked AS (
    SELECT monitor, ts, status, lag(status) OVER (PARTITION BY monitor ORDER BY ts) AS previous
    FROM checks
), run_starts AS (
    SELECT monitor, ts FROM marked WHERE status = 'down' AND (previous IS NULL OR previous <> 'down')
), derived AS (
    SELECT 'monitor' AS origin, s.monitor AS asset, NULL AS cause, false AS planned, s.ts AS started_at,
           (SELECT min(c.ts) FROM checks c WHERE c.monitor = s.monitor AND c.ts > s.ts AND c.status = 'up') AS ended_at
    FROM run_starts s
)
SELECT * FROM register
UNION ALL
SELECT * FROM derived
ORDER BY started_at, asset
