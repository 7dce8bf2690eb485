-- 10.1 for one city and local year, in one pass over the stored hits.
-- Each hit gets an outcome: the first rule it fails (1 method, 2 status, 3 static, 4 robot) or 0,
-- counted; a number per hit, named only in the few rows of the result (strings per hit, copied,
-- compared and hashed for ten million hits, took a fifth of the query's CPU).
-- Hits of a log format without a user agent (common, W3C without cs(User-Agent)) are counted
-- apart ('no_agent'): their robots cannot be recognised.
-- A visit starts at a counted hit whose visitor made no counted hit in the window before it;
-- it belongs to the local year and month of that first hit, so it is never split at midnight
-- or at a year's end. Hits of the window before the year are read, so a visit running into
-- 1 January is not counted again; nothing older is read (whether a hit starts a visit depends only
-- on the visitor's counted hits in the window before it), so a year computes as fast in a
-- warehouse holding five years as in one holding one.
-- Local time is never computed per hit: hits are counted per UTC quarter hour and only those
-- buckets are converted, which is exact because every zone's offset and every change of it fall
-- on a quarter hour. The year's bounds are UTC instants computed for the city's zone.
-- Methods and extensions are stored as portal_term codes; the rules' lists become code lists once.
-- Parameters: 1 methods, 2 static extensions (comma-separated), 3-4 human pattern, 5-6 robot pattern,
-- 7 city, 8 end of year (epoch s), 9 start of year less the window (epoch s), 10 window (s),
-- 11-12 start of year (epoch s), 13 zone.
WITH rule_codes AS (
    SELECT coalesce(list(code) FILTER (WHERE list_contains(string_split(?, ','), term)), []) AS methods,
           coalesce(list(code) FILTER (WHERE list_contains(string_split(?, ','), term)), []) AS statics
    FROM portal_term
), classified AS (
    SELECT h.visitor, h.ts, h.agent_key IS NULL AS no_agent,
           CASE WHEN NOT list_contains(c.methods, h.method) THEN 1
                WHEN NOT (h.status BETWEEN 200 AND 299 OR h.status = 304) THEN 2
                WHEN h.ext IS NOT NULL AND list_contains(c.statics, h.ext) THEN 3
                WHEN h.agent_key IS NOT NULL AND
                     CASE WHEN ? <> '' AND regexp_matches(a.agent, ?, 'i') THEN false
                          WHEN ? <> '' AND regexp_matches(a.agent, ?, 'i') THEN true
                          ELSE coalesce(a.robot, false) END THEN 4
                ELSE 0 END::UTINYINT AS outcome
    FROM portal_hit h
    CROSS JOIN rule_codes c
    LEFT JOIN user_agent a ON a.agent_key = h.agent_key
    WHERE h.file_id IN (SELECT file_id FROM source_file WHERE city = ?) AND h.ts < ? AND h.ts >= ?
), visit_starts AS (
    SELECT ts
    FROM (SELECT ts, ts - lag(ts) OVER (PARTITION BY visitor ORDER BY ts) AS gap
          FROM classified WHERE outcome = 0)
    WHERE (gap IS NULL OR gap > ?) AND ts >= ?
), in_year AS (
    SELECT ts, outcome, no_agent FROM classified WHERE ts >= ?
), quarters AS (
    SELECT 'visits' AS what, NULL AS outcome, ts // 900 AS q, count(*) AS n FROM visit_starts GROUP BY 3
    UNION ALL
    SELECT 'day', NULL, ts // 900, count(*) FROM in_year GROUP BY 3
), local_quarters AS (
    SELECT what, timezone(?, to_timestamp(q * 900)) AS local_ts, n FROM quarters
)
SELECT 'visits' AS what, CAST(month(local_ts) AS VARCHAR) AS key, CAST(sum(n) AS BIGINT) AS n FROM local_quarters WHERE what = 'visits' GROUP BY 2
UNION ALL
SELECT 'hits', ['counted', 'method', 'status', 'static', 'robot'][outcome + 1], count(*) FROM in_year GROUP BY outcome
UNION ALL
SELECT 'no_agent', NULL, count(*) FROM in_year WHERE no_agent
UNION ALL
SELECT 'day', strftime(CAST(local_ts AS DATE), '%Y-%m-%d'), CAST(sum(n) AS BIGINT) FROM local_quarters WHERE what = 'day' GROUP BY 2
