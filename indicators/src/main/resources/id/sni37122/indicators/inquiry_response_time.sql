-- 10.3 for one city and local year, as one CTE chain. Records: one per ticket (the latest file's
-- version wins) submitted in the year, its kind from the record or, without one, from the class's
-- sorting ($4); only the counted kinds ($6) count. The first response is the record's own or its
-- earliest follow-up at or after submission, whichever is first; for a source that keeps only a
-- last update (Open311), that update when the status table ($5) calls the status a response. Else
-- the closure (or such an update whose status means closed) stands in, and is counted as closure.
-- Unanswered records are left out and held open up to the cut-off (the latest moment the year's
-- data knows of) for the lower bound. Hours are whole seconds / 3600.
-- The result is one row per figure, by section: kind (records of each kind), total, count,
-- open_hours, cutoff, month (1..12), channel, category, agency (a blank group is '-'),
-- distribution (days: < 1, 1-3, 3-7, 7-14, >= 14), no_response_file, status_unknown.
-- Parameters: $1 zone, $2 city, $3 year, $4 sorting (JSON [{category, channel, format, counted_as}]),
-- $5 statuses (JSON [{status, meaning}]), $6 counted kinds (JSON ["inquiry", ...]).
WITH latest AS (
    SELECT i.*, f.format, f.path,
           coalesce(json_extract_string(f.details, '$.no_response_columns') = 'true', false) AS no_response_columns,
           timezone($1, timezone('UTC', i.submitted_at)) AS local_submitted
    FROM inquiry i
    JOIN source_file f ON f.file_id = i.file_id
    WHERE i.city = $2
    QUALIFY row_number() OVER (PARTITION BY i.ticket ORDER BY i.file_id DESC, i.line DESC) = 1
),
of_year AS (
    SELECT * FROM latest WHERE year(local_submitted) = $3
),
followup AS (
    SELECT y.ticket,
           min(r.responded_at) FILTER (WHERE r.responded_at >= y.submitted_at) AS first_followup,
           count(*) FILTER (WHERE r.responded_at < y.submitted_at) AS followups_before
    FROM of_year y
    JOIN inquiry_followup r ON r.city = $2 AND r.ticket = y.ticket
    GROUP BY y.ticket
),
sorting AS (
    SELECT unnest(from_json($4, '[{"category":"VARCHAR","channel":"VARCHAR","format":"VARCHAR","counted_as":"VARCHAR"}]'),
                  recursive := true)
),
statuses AS (
    SELECT unnest(from_json($5, '[{"status":"VARCHAR","meaning":"VARCHAR"}]'), recursive := true)
),
classified AS (
    SELECT y.*, coalesce(y.kind, s.counted_as, 'complaint') AS counted_kind,
           fu.first_followup, coalesce(fu.followups_before, 0) AS followups_before,
           lower(regexp_replace(coalesce(y.status, ''), '^\s+|\s+$', '', 'g')) AS status_word
    FROM of_year y
    LEFT JOIN sorting s ON y.kind IS NULL AND s.category IS NOT DISTINCT FROM y.category
        AND s.channel IS NOT DISTINCT FROM y.channel AND s.format IS NOT DISTINCT FROM y.format
    LEFT JOIN followup fu ON fu.ticket = y.ticket
),
counted AS (
    SELECT c.*, CASE WHEN c.updated_at IS NOT NULL THEN st.meaning END AS meaning
    FROM classified c
    LEFT JOIN statuses st ON st.status = c.status_word
    WHERE list_contains(from_json($6, '["VARCHAR"]'), c.counted_kind)
),
first_answer AS (
    SELECT *,
           coalesce(least(first_response_at, first_followup), CASE WHEN meaning = 'response' THEN updated_at END) AS first_at,
           coalesce(closed_at, CASE WHEN meaning = 'closed' THEN updated_at END) AS closed_or_update
    FROM counted
),
year_records AS (
    SELECT ticket, greatest(submitted_at, first_response_at, closed_at, updated_at) AS latest
    FROM inquiry
    WHERE city = $2 AND year(timezone($1, timezone('UTC', submitted_at))) = $3
),
cutoff AS (
    SELECT greatest((SELECT max(latest) FROM year_records),
                    (SELECT max(f.responded_at) FROM inquiry_followup f JOIN year_records r USING (ticket) WHERE f.city = $2)) AS cutoff_at
),
timed AS (
    SELECT *,
           coalesce(first_at, closed_or_update) AS response_at,
           first_at IS NULL AND closed_or_update IS NOT NULL AS by_closure,
           ((epoch_us(coalesce(first_at, closed_or_update)) - epoch_us(submitted_at)) // 1000000) / 3600.0 AS hours,
           CASE WHEN coalesce(first_at, closed_or_update) IS NULL
                THEN ((epoch_us((SELECT cutoff_at FROM cutoff)) - epoch_us(submitted_at)) // 1000000) / 3600.0 ELSE 0 END AS open_hours
    FROM first_answer
),
answered AS (
    SELECT * FROM timed WHERE hours IS NOT NULL
),
counts AS (
    SELECT count(*) AS records, count(*) FILTER (WHERE hours IS NULL) AS unanswered,
           count(*) FILTER (WHERE by_closure) AS by_closure,
           count(*) FILTER (WHERE NOT by_closure AND response_at = first_followup) AS by_followup,
           coalesce(sum(followups_before), 0)::BIGINT AS followups_before
    FROM timed
),
figures AS (
    SELECT 1 AS part, NULL::INTEGER AS ord, 'kind' AS section, counted_kind AS label, count(*) AS n, NULL::DOUBLE AS hours,
           NULL::DOUBLE AS mean_days, NULL::DOUBLE AS median_days, NULL::DOUBLE AS p90_days, NULL::TIMESTAMP AS moment
    FROM classified GROUP BY counted_kind
    UNION ALL
    SELECT 2, NULL, 'total', NULL, count(*), fsum(hours), fsum(hours) / count(*) / 24,
           quantile_cont(hours, 0.5) / 24, quantile_cont(hours, 0.9) / 24, NULL
    FROM answered
    UNION ALL
    SELECT 3, 1, 'count', 'records', records, NULL, NULL, NULL, NULL, NULL FROM counts
    UNION ALL
    SELECT 3, 2, 'count', 'unanswered', unanswered, NULL, NULL, NULL, NULL, NULL FROM counts
    UNION ALL
    SELECT 3, 3, 'count', 'by_closure', by_closure, NULL, NULL, NULL, NULL, NULL FROM counts
    UNION ALL
    SELECT 3, 4, 'count', 'by_followup', by_followup, NULL, NULL, NULL, NULL, NULL FROM counts
    UNION ALL
    SELECT 3, 5, 'count', 'followups_before', followups_before, NULL, NULL, NULL, NULL, NULL FROM counts
    UNION ALL
    SELECT 4, NULL, 'open_hours', NULL, count(*), fsum(open_hours), NULL, NULL, NULL, NULL FROM timed WHERE hours IS NULL
    UNION ALL
    SELECT 5, NULL, 'cutoff', NULL, NULL, NULL, NULL, NULL, NULL, timezone($1, timezone('UTC', cutoff_at)) FROM cutoff
    UNION ALL
    SELECT 6, m::INTEGER, 'month', m::VARCHAR, count(a.hours), fsum(a.hours), fsum(a.hours) / count(a.hours) / 24,
           quantile_cont(a.hours, 0.5) / 24, quantile_cont(a.hours, 0.9) / 24, NULL
    FROM range(1, 13) months(m)
    LEFT JOIN answered a ON month(a.local_submitted) = m
    GROUP BY m
    UNION ALL
    SELECT 7, NULL, 'channel', coalesce(channel, '-') AS g, count(*), fsum(hours), fsum(hours) / count(*) / 24,
           quantile_cont(hours, 0.5) / 24, quantile_cont(hours, 0.9) / 24, NULL
    FROM answered GROUP BY g
    UNION ALL
    SELECT 8, NULL, 'category', coalesce(category, '-') AS g, count(*), fsum(hours), fsum(hours) / count(*) / 24,
           quantile_cont(hours, 0.5) / 24, quantile_cont(hours, 0.9) / 24, NULL
    FROM answered GROUP BY g
    UNION ALL
    SELECT 9, NULL, 'agency', coalesce(agency, '-') AS g, count(*), fsum(hours), fsum(hours) / count(*) / 24,
           quantile_cont(hours, 0.5) / 24, quantile_cont(hours, 0.9) / 24, NULL
    FROM answered GROUP BY g
    UNION ALL
    SELECT 10, b.i, 'distribution', b.label, count(a.hours), NULL, NULL, NULL, NULL, NULL
    FROM (VALUES (0, '< 1', 0.0, 1.0), (1, '1-3', 1.0, 3.0), (2, '3-7', 3.0, 7.0), (3, '7-14', 7.0, 14.0),
                 (4, '>= 14', 14.0, 'infinity'::DOUBLE)) b(i, label, low, high)
    LEFT JOIN answered a ON a.hours / 24 >= b.low AND a.hours / 24 < b.high
    GROUP BY b.i, b.label
    UNION ALL
    SELECT 11, NULL, 'no_response_file', regexp_extract(path, '[^/]*$') AS file, NULL, NULL, NULL, NULL, NULL, NULL
    FROM timed WHERE no_response_columns GROUP BY file HAVING bool_and(hours IS NULL)
    UNION ALL
    SELECT 12, NULL, 'status_unknown', status_word, NULL, NULL, NULL, NULL, NULL, NULL
    FROM counted WHERE updated_at IS NOT NULL AND meaning IS NULL GROUP BY status_word
)
SELECT section, label, n, hours, mean_days, median_days, p90_days, moment
FROM figures
ORDER BY part, ord, label
