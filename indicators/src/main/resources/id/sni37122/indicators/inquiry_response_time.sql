-- Inquiry records of one city submitted in a local year, one row per ticket (the latest file's
-- version wins), with the earliest follow-up of the ticket at or after its submission, from any
-- follow-up file of the city. The kind (inquiry, complaint, emergency) and what a status means
-- are decided by the class's rules.
-- Parameters: $1 zone, $2 city, $3 year.
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
final AS (
    SELECT y.ticket, y.kind, y.channel, y.category, y.agency, y.status, y.format, y.path, y.no_response_columns,
           month(y.local_submitted) AS month, y.submitted_at, y.first_response_at, fu.first_followup, y.closed_at,
           y.updated_at, coalesce(fu.followups_before, 0) AS followups_before
    FROM of_year y
    LEFT JOIN followup fu ON fu.ticket = y.ticket
)
SELECT * FROM final ORDER BY submitted_at, ticket
