-- Inquiry records of one city submitted in a local year, one row per ticket (the latest file's
-- version wins). The kind (inquiry, complaint, emergency) is decided by the class's rules.
-- Parameters: city, zone, year.
WITH latest AS (
    SELECT *, timezone(?, timezone('UTC', submitted_at)) AS local_submitted
    FROM inquiry
    WHERE city = ?
    QUALIFY row_number() OVER (PARTITION BY ticket ORDER BY file_id DESC, line DESC) = 1
)
SELECT kind, channel, category, agency, month(local_submitted) AS month, submitted_at, first_response_at, closed_at
FROM latest
WHERE year(local_submitted) = ?
ORDER BY submitted_at, ticket
