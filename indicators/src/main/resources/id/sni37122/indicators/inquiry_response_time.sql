-- Inquiry records of one city submitted in a local year, one row per ticket (the latest file's
-- version wins), with the kind decided: the source's own kind, else by category rules.
-- Parameters: city, emergency pattern, inquiry pattern, zone, year.
WITH latest AS (
    SELECT *
    FROM inquiry
    WHERE city = ?
    QUALIFY row_number() OVER (PARTITION BY ticket ORDER BY file_id DESC, line DESC) = 1
), classified AS (
    SELECT *,
           coalesce(kind,
                    CASE WHEN regexp_matches(lower(coalesce(category, '')), ?) THEN 'emergency'
                         WHEN regexp_matches(lower(coalesce(category, '')), ?) THEN 'inquiry'
                         ELSE 'complaint' END) AS decided_kind,
           timezone(?, timezone('UTC', submitted_at)) AS local_submitted
    FROM latest
)
SELECT decided_kind, channel, category, agency, month(local_submitted) AS month,
       submitted_at, first_response_at, closed_at
FROM classified
WHERE year(local_submitted) = ?
ORDER BY submitted_at, ticket
